// Ollama's API on the gateway (https://github.com/ollama/ollama/blob/main/docs/api.md), so that Ollama's
// clients (the `ollama` npm and Python packages, tools that speak to an Ollama server) can use Infer-OS:
//   POST /api/generate   a prompt (the chat template applied unless `raw`), NDJSON stream or one object
//   POST /api/chat       messages, NDJSON stream or one object
//   GET  /api/tags       the served model;  POST /api/show  its details;  GET /api/version
// Generation runs through the same core as the OpenAI routes (generation.ts). Errors are Ollama's
// `{ "error": "..." }` with the same status codes as the OpenAI routes. Options Ollama has and Infer-OS
// does not implement (top_k, repeat_penalty, mirostat, ...) are refused by name, never ignored.
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { Type, type Static } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { ModelInfo, TextTokenizer } from '@inferos/inference';
import type { Backend, GenerationRequest } from './backend';
import type { ChatMessage, ChatTemplate } from './chat-template';
import { ApiError, ApiErrorCode, toApiError } from './errors';
import type { Generations, Outcome } from './generation';
import { DEFAULT_MAX_TOKENS } from './openai';

const Options = Type.Object(
  {
    temperature: Type.Optional(Type.Number({ minimum: 0, maximum: 2 })),
    top_p: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1 })),
    seed: Type.Optional(Type.Integer()),
    num_predict: Type.Optional(Type.Integer({ minimum: -2, description: "-1 and -2: until the end of sequence or the context's end; default min(256, what the context leaves)" })),
    stop: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { maxItems: 4 })),
    num_ctx: Type.Optional(Type.Integer({ minimum: 1, description: "at most the model's context; prompt + num_predict must fit it" })),
  },
  { additionalProperties: true },
);
type Options = Static<typeof Options>;
const KNOWN_OPTIONS = new Set(['temperature', 'top_p', 'seed', 'num_predict', 'stop', 'num_ctx']);

const Common = {
  model: Type.String({ minLength: 1 }),
  stream: Type.Optional(Type.Boolean({ description: 'default true: NDJSON, one object per line' })),
  options: Type.Optional(Options),
  keep_alive: Type.Optional(Type.Union([Type.String(), Type.Number()], { description: 'accepted; the model stays loaded while the system runs' })),
  kv_policy: Type.Optional(Type.String({ minLength: 1, description: 'Extension: a named KV policy for this request' })),
};

export const OllamaGenerateRequest = Type.Object({
  ...Common,
  prompt: Type.Optional(Type.String()),
  system: Type.Optional(Type.String()),
  raw: Type.Optional(Type.Boolean({ description: 'the prompt as it is, without the chat template' })),
  context: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { description: 'token ids a previous response returned, continued' })),
});
type OllamaGenerateRequest = Static<typeof OllamaGenerateRequest>;

export const OllamaChatRequest = Type.Object({
  ...Common,
  messages: Type.Optional(Type.Array(Type.Object({
    role: Type.Union([Type.Literal('system'), Type.Literal('user'), Type.Literal('assistant')]),
    content: Type.String(),
  }, { additionalProperties: true }))),
});
type OllamaChatRequest = Static<typeof OllamaChatRequest>;

/** Ollama request fields Infer-OS does not implement, with the values that mean "not used". */
const UNSUPPORTED_UNLESS: Record<string, (v: unknown) => boolean> = {
  images: (v) => Array.isArray(v) && v.length === 0,
  format: (v) => v === '',
  suffix: (v) => v === '',
  template: (v) => v === '',
  tools: (v) => Array.isArray(v) && v.length === 0,
  think: (v) => v === false,
};

export interface OllamaDeps {
  backend: Backend;
  tokenizer: TextTokenizer;
  template: ChatTemplate | null;
  info: ModelInfo;
  generations: Generations;
}

/** Ollama's model name for ours: `name:latest` (clients may send either). */
const tagOf = (name: string) => `${name}:latest`;

export function ollamaRoutes(deps: OllamaDeps): FastifyPluginAsyncTypebox {
  const { backend, tokenizer, template, info, generations } = deps;
  const model = backend.modelName;
  const modifiedAt = new Date(statSync(join(info.dir, 'inferos.json')).mtimeMs).toISOString();
  // The digest Ollama lists names the model's contents; ours is the sha256 of its inferos.json (the
  // export's metadata: architecture, shapes, weight type), which changes with every export.
  const digest = createHash('sha256').update(readFileSync(join(info.dir, 'inferos.json'))).digest('hex');
  const details = {
    parent_model: '',
    format: 'onnx',
    family: info.architecture,
    families: [info.architecture],
    parameter_size: parameterSize(info.parameters),
    quantization_level: info.weights.type.toUpperCase(),
  };

  const checkModel = (name: string) => {
    if (name !== model && name !== tagOf(model)) {
      throw new ApiError(ApiErrorCode.modelNotFound, `model '${name}' not found; this server serves '${tagOf(model)}'`, { param: 'model' });
    }
  };
  const checkFields = (body: Record<string, unknown>) => {
    for (const [field, harmless] of Object.entries(UNSUPPORTED_UNLESS)) {
      const v = body[field];
      if (v !== undefined && v !== null && !harmless(v)) {
        throw new ApiError(ApiErrorCode.invalidRequest, `${field}: not supported by this server`, { param: field });
      }
    }
    for (const key of Object.keys((body['options'] as object | undefined) ?? {})) {
      if (!KNOWN_OPTIONS.has(key)) {
        throw new ApiError(ApiErrorCode.invalidRequest, `options.${key}: not supported by this server (supported: ${[...KNOWN_OPTIONS].join(', ')})`, { param: `options.${key}` });
      }
    }
  };
  const render = (messages: ChatMessage[], field: string): number[] => {
    if (!template) throw new ApiError(ApiErrorCode.invalidRequest, `model ${model} has no chat template (a base model): use /api/generate with raw: true`, { param: field });
    try {
      return tokenizer.encode(template.render(messages), false);
    } catch (err) {
      throw new ApiError(ApiErrorCode.invalidRequest, `${field}: the chat template failed: ${(err as Error).message}`, { param: field });
    }
  };

  /**
   * The request for `promptIds` with Ollama's options. num_predict -1 or -2 runs to the context's end, as
   * in Ollama; absent, it is the OpenAI routes' default (min(256, what the context leaves)), not Ollama's
   * "until the end of sequence": every request reserves its longest possible cache in the KV budget, and a
   * whole context per request would leave room for few at a time.
   */
  const requestOf = (promptIds: number[], body: { options?: Options | undefined; kv_policy?: string | undefined }): GenerationRequest => {
    const o = body.options ?? {};
    const context = Math.min(backend.maxContext, o.num_ctx ?? backend.maxContext);
    const room = context - promptIds.length;
    if (o.num_predict === 0) throw new ApiError(ApiErrorCode.invalidRequest, 'options.num_predict: 0 generates nothing', { param: 'options.num_predict' });
    const asked = o.num_predict === undefined ? Math.min(DEFAULT_MAX_TOKENS, room) : o.num_predict < 0 ? room : o.num_predict;
    if (room < 1 || asked > room) {
      throw new ApiError(ApiErrorCode.contextLengthExceeded, `the prompt (${promptIds.length} tokens)${o.num_predict === undefined ? '' : ` and num_predict (${o.num_predict})`} do not fit the context of ${context} tokens`, { param: 'options.num_predict' });
    }
    const req: GenerationRequest = {
      requestId: randomUUID(),
      promptIds,
      maxTokens: asked,
      // Ollama's default temperature is 0.8.
      temperature: o.temperature ?? 0.8,
      topP: o.top_p ?? 1,
      stopAtEos: true,
    };
    if (o.seed !== undefined) req.seed = o.seed;
    if (body.kv_policy !== undefined) req.policy = body.kv_policy;
    return req;
  };

  /** Ollama's closing fields: counts and durations in nanoseconds, measured by the backend. */
  const closing = (outcome: Outcome, startedAt: number) => ({
    done: true,
    done_reason: outcome.finishReason,
    total_duration: Math.round((performance.now() - startedAt) * 1e6),
    load_duration: 0, // the model is loaded while the system runs
    prompt_eval_count: outcome.measured.promptTokens,
    prompt_eval_duration: Math.round(outcome.measured.promptMs * 1e6),
    eval_count: outcome.measured.completionTokens,
    eval_duration: Math.round(outcome.measured.decodeMs * 1e6),
  });

  /**
   * Run one generation and answer in Ollama's shape: `piece(text)` is the object carrying a text delta
   * (generate: `response`, chat: `message`). Streamed (the default): one JSON object per line, the stream
   * opening at the first token so that a refusal before it keeps its status; a failure after it is one
   * `{"error": ...}` line.
   */
  async function answer(req: GenerationRequest, stream: boolean, stops: readonly string[], piece: (text: string) => object, extra: (o: Outcome) => object, reply: FastifyReply) {
    const startedAt = performance.now();
    const release = generations.reserve(1);
    const controller = new AbortController();
    let settled = false;
    const onClose = () => {
      if (!settled) controller.abort();
    };
    reply.raw.on('close', onClose);
    const head = () => ({ model: tagOf(model), created_at: new Date().toISOString() });
    let out: PassThrough | undefined;
    const line = (o: object) => {
      if (out && !out.destroyed) out.write(`${JSON.stringify(o)}\n`);
    };
    try {
      let text = '';
      let outcome: Outcome | null;
      try {
        outcome = await generations.run(req, stops, controller, (t) => {
          if (!stream) {
            text += t;
            return;
          }
          if (!out) {
            out = new PassThrough();
            void reply.code(200).header('content-type', 'application/x-ndjson').send(out);
          }
          if (t) line({ ...head(), ...piece(t), done: false });
        });
      } catch (err) {
        if (!out) throw err;
        const e = toApiError(err);
        reply.log.error({ err: e.cause ?? e }, `stream failed: ${e.message}`);
        line({ error: e.message });
        out.end();
        return reply;
      }
      if (!outcome) {
        if (!out) throw new ApiError(ApiErrorCode.invalidRequest, 'the client closed the connection', { status: 499 });
        out.end();
        return reply;
      }
      generations.record(outcome.measured);
      const last = { ...head(), ...piece(''), ...closing(outcome, startedAt), ...extra(outcome) };
      if (!stream) return reply.send({ ...last, ...piece(text) });
      if (!out) {
        out = new PassThrough();
        void reply.code(200).header('content-type', 'application/x-ndjson').send(out);
      }
      line(last);
      out.end();
      return reply;
    } finally {
      settled = true;
      release();
      reply.raw.off('close', onClose);
    }
  }

  return async (r) => {
    // Ollama's error object, whatever failed (schema, refusal, backend).
    r.setErrorHandler((err, request, reply) => {
      const e = toApiError(err);
      if (e.status >= 500) request.log.error({ err: e.cause ?? e }, e.message);
      if (e.retryAfterS !== undefined) reply.header('retry-after', String(e.retryAfterS));
      return reply.code(e.status).send({ error: e.message });
    });

    r.get('/version', async () => ({ version: PACKAGE_VERSION }));

    r.get('/tags', async () => ({
      models: [{ name: tagOf(model), model: tagOf(model), modified_at: modifiedAt, size: info.weights.bytes, digest, details }],
    }));

    r.post('/show', { schema: { body: Type.Object({ model: Type.Optional(Type.String()), name: Type.Optional(Type.String()) }) } }, async (request) => {
      const name = request.body.model ?? request.body.name;
      if (!name) throw new ApiError(ApiErrorCode.invalidRequest, 'model: required field missing', { param: 'model' });
      checkModel(name);
      return {
        modelfile: '',
        parameters: '',
        template: info.chatTemplate ?? '',
        details,
        model_info: {
          'general.architecture': info.architecture,
          'general.parameter_count': info.parameters,
          [`${info.architecture}.context_length`]: info.maxPosition,
          [`${info.architecture}.block_count`]: info.numLayers,
          [`${info.architecture}.attention.head_count`]: info.numAttentionHeads,
          [`${info.architecture}.attention.head_count_kv`]: info.numKvHeads,
          [`${info.architecture}.vocab_size`]: info.vocabSize,
        },
        capabilities: ['completion'],
        modified_at: modifiedAt,
      };
    });

    r.post('/generate', { schema: { body: OllamaGenerateRequest } }, async (request, reply) => {
      const body = request.body;
      checkModel(body.model);
      checkFields(body as Record<string, unknown>);
      const prompt = body.prompt ?? '';
      // An empty prompt loads the model (Ollama's way to preload it): it is loaded already.
      if (prompt === '' && !body.context?.length) return { model: tagOf(model), created_at: new Date().toISOString(), response: '', done: true, done_reason: 'load' };
      const badId = body.context?.find((id) => id >= backend.vocabSize);
      if (badId !== undefined) throw new ApiError(ApiErrorCode.invalidRequest, `context: token id ${badId} is not in the vocabulary [0, ${backend.vocabSize})`, { param: 'context' });
      // As Ollama does: the chat template around the prompt (and system) unless raw, or when the model has none.
      let ids: number[];
      if (body.raw || !template) {
        ids = [...(body.context ?? []), ...tokenizer.encode(prompt, !body.context?.length)];
      } else {
        const messages: ChatMessage[] = [...(body.system ? [{ role: 'system', content: body.system }] : []), { role: 'user', content: prompt }];
        ids = [...(body.context ?? []), ...render(messages, 'prompt')];
      }
      const req = requestOf(ids, body);
      return answer(req, body.stream ?? true, body.options?.stop ?? [], (t) => ({ response: t }), (o) => ({ context: [...ids, ...o.ids] }), reply);
    });

    r.post('/chat', { schema: { body: OllamaChatRequest } }, async (request, reply) => {
      const body = request.body;
      checkModel(body.model);
      checkFields(body as Record<string, unknown>);
      const messages = body.messages ?? [];
      for (const [i, m] of messages.entries()) {
        for (const f of ['images', 'tool_calls']) {
          const v = (m as Record<string, unknown>)[f];
          if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) {
            throw new ApiError(ApiErrorCode.invalidRequest, `messages[${i}].${f}: not supported by this server`, { param: `messages[${i}].${f}` });
          }
        }
      }
      if (messages.length === 0) {
        return { model: tagOf(model), created_at: new Date().toISOString(), message: { role: 'assistant', content: '' }, done: true, done_reason: 'load' };
      }
      const ids = render(messages.map((m) => ({ role: m.role, content: m.content })), 'messages');
      const req = requestOf(ids, body);
      return answer(req, body.stream ?? true, body.options?.stop ?? [], (t) => ({ message: { role: 'assistant', content: t } }), () => ({}), reply);
    });
  };
}

/** "1.2B", "6.5M": Ollama's parameter_size. */
function parameterSize(n: number): string {
  if (n >= 1e9) return `${(n / 1e9).toFixed(1)}B`;
  if (n >= 1e6) return `${(n / 1e6).toFixed(1)}M`;
  return `${(n / 1e3).toFixed(1)}K`;
}

const PACKAGE_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;
