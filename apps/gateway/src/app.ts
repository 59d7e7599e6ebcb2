// The gateway's HTTP layer: an OpenAI-compatible API (plus Lemonade's health and stats) over a Backend.
// Every route is served under /v1 and under Lemonade's /api/v1. buildApp never listens; main.ts does.
import { randomUUID } from 'node:crypto';
import { bearerCheck } from '@inferos/serving';
import { PassThrough } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type FastifyPluginAsyncTypebox, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TextTokenizer } from '@inferos/inference';
import type { Backend, FinishReason, GenerationEvent, GenerationRequest, ServiceHealth } from './backend';
import { ChatTemplate } from './chat-template';
import { ApiError, ApiErrorCode, fromBackend, toApiError } from './errors';
import {
  ChatCompletion, ChatCompletionRequest, CompletionRequest, Health, ModelList, SSE_DONE, Stats, TextAssembler, TextCompletion,
  UNSUPPORTED_UNLESS, chatChunk, sse, textChunk, timingsOf, usageChunk, usageOf, type ChunkBase, type Measured,
} from './openai';

export interface GatewayConfig {
  /** When set, every route (health included) requires `Authorization: Bearer <apiKey>`. */
  apiKey?: string;
  /** Generation requests in flight (a stream counts until it ends) beyond which the gateway answers 503. */
  maxWaiting?: number;
  logger?: boolean;
  /** Retry-After, in seconds, when the gateway itself refuses for maxWaiting (default 1). */
  retryAfterS?: number;
}

export interface GatewayDeps {
  backend: Backend;
  tokenizer: TextTokenizer;
  /**
   * The model's Jinja chat template (ModelInfo.chatTemplate, or one the operator names); null for a base
   * model without one: completions serve, chat completions answer a clear 400.
   */
  chatTemplate: string | null;
  bosToken?: string;
  eosToken?: string;
  /** `created` of the model in /v1/models, in Unix seconds (e.g. the model file's mtime); default 0 (unknown). */
  modelCreated?: number;
}

/** max_tokens when the request gives none: this many, or what is left of the context if less. */
export const DEFAULT_MAX_TOKENS = 256;
export const DEFAULT_MAX_WAITING = 64;

type Kind = 'chat' | 'text';
type Done = Extract<GenerationEvent, { kind: 'done' }>;
interface Outcome {
  finishReason: FinishReason;
  measured: Measured;
  /** Every token id the backend generated (a stop string may cut the text before the last of them). */
  ids: number[];
}


export async function buildApp(config: GatewayConfig, deps: GatewayDeps): Promise<FastifyInstance> {
  const { backend, tokenizer } = deps;
  const maxWaiting = config.maxWaiting ?? DEFAULT_MAX_WAITING;
  const template = deps.chatTemplate === null ? null : new ChatTemplate(deps.chatTemplate, { bosToken: deps.bosToken, eosToken: deps.eosToken });
  const models: ModelList = {
    object: 'list',
    data: [{ id: backend.modelName, object: 'model', created: deps.modelCreated ?? 0, owned_by: 'inferos' }],
  };
  let stats: Stats = { time_to_first_token: null, tokens_per_second: null, input_tokens: null, output_tokens: null };
  let inFlight = 0;

  const app = Fastify({ logger: config.logger ?? false }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(TypeBoxValidatorCompiler);

  app.setErrorHandler((err, request, reply) => {
    const e = toApiError(err);
    if (e.status >= 500) request.log.error({ err: e.cause ?? e }, e.message);
    if (e.retryAfterS !== undefined) reply.header('retry-after', String(e.retryAfterS));
    return reply.code(e.status).send(e.toBody());
  });
  app.setNotFoundHandler((request, reply) => {
    const e = new ApiError(ApiErrorCode.unknownUrl, `Invalid URL (${request.method} ${request.url})`);
    return reply.code(e.status).send(e.toBody());
  });

  if (config.apiKey) {
    const check = bearerCheck(config.apiKey);
    app.addHook('onRequest', async (request) => {
      const got = check(request.headers.authorization);
      if (got === 'missing') throw new ApiError(ApiErrorCode.invalidApiKey, 'Missing API key: send the header Authorization: Bearer <key>');
      if (got === 'wrong') throw new ApiError(ApiErrorCode.invalidApiKey, 'Incorrect API key provided');
    });
  }

  // ---- request preparation ----

  function checkRequest(body: ChatCompletionRequest | CompletionRequest): void {
    if (body.model !== backend.modelName) {
      throw new ApiError(ApiErrorCode.modelNotFound, `The model \`${body.model}\` does not exist; this server serves \`${backend.modelName}\``, {
        param: 'model',
      });
    }
    const raw = body as Record<string, unknown>;
    for (const [field, harmless] of Object.entries(UNSUPPORTED_UNLESS)) {
      const v = raw[field];
      if (v !== undefined && v !== null && !harmless(v)) {
        throw new ApiError(ApiErrorCode.invalidRequest, `${field}: ${JSON.stringify(v)} is not supported by this server`, { param: field });
      }
    }
  }

  function chatPromptIds(body: ChatCompletionRequest): number[] {
    const messages = body.messages.map((m) => ({
      role: m.role === 'developer' ? 'system' : m.role,
      content: typeof m.content === 'string' ? m.content : m.content.map((p) => p.text).join(''),
    }));
    if (!template) {
      throw new ApiError(ApiErrorCode.invalidRequest, `model ${backend.modelName} has no chat template (a base model): use /v1/completions, or start the gateway with --chat-template FILE`, { param: 'messages' });
    }
    let text: string;
    try {
      text = template.render(messages);
    } catch (err) {
      throw new ApiError(ApiErrorCode.invalidRequest, `messages: the chat template failed: ${(err as Error).message}`, { param: 'messages' });
    }
    // The template writes BOS itself.
    return tokenizer.encode(text, false);
  }

  /** The request's max tokens (or the default), refused when the prompt and it do not fit the context. */
  function maxTokensFor(promptTokens: number, requested: number | null | undefined, promptField: string): number {
    const context = backend.maxContext;
    const room = context - promptTokens;
    if (requested !== undefined && requested !== null) {
      if (requested > room) {
        throw new ApiError(
          ApiErrorCode.contextLengthExceeded,
          `This model's maximum context length is ${context} tokens. However, you requested ${promptTokens + requested} tokens ` +
            `(${promptTokens} in the ${promptField}, ${requested} in the completion). Please reduce the length of the ${promptField} or completion.`,
          { param: 'max_tokens' },
        );
      }
      return requested;
    }
    if (room < 1) {
      throw new ApiError(
        ApiErrorCode.contextLengthExceeded,
        `This model's maximum context length is ${context} tokens. However, the ${promptField} alone has ${promptTokens} tokens.`,
        { param: promptField },
      );
    }
    return Math.min(DEFAULT_MAX_TOKENS, room);
  }

  // ---- generation ----

  /**
   * Run `req` on the backend, passing released text to `onText` (called on every tokens event, even when
   * no text is released yet). Resolves with the outcome, or null when the client went away; throws an
   * ApiError (or the backend's error) on failure. `onText` has been called iff the failure came after a token.
   */
  async function runGeneration(req: GenerationRequest, stops: readonly string[], controller: AbortController, onText: (text: string) => void): Promise<Outcome | null> {
    const assembler = new TextAssembler(tokenizer, stops);
    const acceptedAt = performance.now();
    let firstAt = 0;
    let lastAt = 0;
    let received = 0;
    const ids: number[] = [];
    let done: Done | undefined;
    let failure: ApiError | undefined;
    const onEvent = (e: GenerationEvent) => {
      if (assembler.stopped || failure || done) return;
      if (e.kind === 'tokens') {
        lastAt = performance.now();
        if (received === 0) firstAt = lastAt;
        received += e.ids.length;
        ids.push(...e.ids);
        const text = assembler.push(e.ids);
        if (assembler.stopped) controller.abort();
        onText(text);
      } else if (e.kind === 'done') {
        done = e;
      } else {
        failure = fromBackend(e.code, e.message);
      }
    };
    try {
      await backend.generate(req, onEvent, controller.signal);
    } catch (err) {
      // After our own abort (stop string, client gone) a rejection is expected; before any token it is a refusal.
      if (!controller.signal.aborted) {
        if (received === 0 && !failure) throw err;
        failure ??= toApiError(err);
      }
    }
    if (failure) throw failure;
    if (assembler.stopped) {
      // The gateway cut the text at a stop string: count and time what it used, by its own clock.
      const measured = { promptTokens: req.promptIds.length, completionTokens: received, promptMs: firstAt - acceptedAt, decodeMs: lastAt - firstAt };
      return { finishReason: 'stop', measured, ids };
    }
    if (controller.signal.aborted) return null;
    if (!done) throw new ApiError(ApiErrorCode.internal, 'the backend ended the request without a result');
    const tail = assembler.finish();
    if (tail) onText(tail);
    const { finishReason, promptTokens, completionTokens, promptMs, decodeMs } = done;
    return { finishReason, measured: { promptTokens, completionTokens, promptMs, decodeMs }, ids };
  }

  function record(m: Measured): void {
    stats = {
      time_to_first_token: m.promptMs / 1000,
      tokens_per_second: timingsOf(m).predicted_per_second,
      input_tokens: m.promptTokens,
      output_tokens: m.completionTokens,
    };
  }

  const clientGone = () => new ApiError(ApiErrorCode.invalidRequest, 'the client closed the connection', { status: 499 });

  async function complete(kind: Kind, body: ChatCompletionRequest | CompletionRequest, promptIds: number[], maxTokens: number, reply: FastifyReply) {
    const req: GenerationRequest = {
      requestId: randomUUID(),
      promptIds,
      maxTokens,
      temperature: body.temperature ?? 1,
      topP: body.top_p ?? 1,
      stopAtEos: !(body.ignore_eos ?? false),
    };
    if (body.seed !== undefined && body.seed !== null) req.seed = body.seed;
    if (body.kv_policy !== undefined && body.kv_policy !== null) req.policy = body.kv_policy;
    if (body.target_ftl_ms !== undefined && body.target_ftl_ms !== null) req.targetFtlMs = body.target_ftl_ms;
    const stops = body.stop === undefined || body.stop === null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
    const base: ChunkBase = {
      id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${req.requestId}`,
      created: Math.floor(Date.now() / 1000),
      model: backend.modelName,
    };

    if (inFlight >= maxWaiting) {
      throw new ApiError(ApiErrorCode.saturated, `the gateway already has ${inFlight} requests in flight (limit ${maxWaiting}); retry later`, {
        retryAfterS: config.retryAfterS ?? 1,
      });
    }
    inFlight++;
    const controller = new AbortController();
    let settled = false;
    const onClose = () => {
      if (!settled) controller.abort();
    };
    reply.raw.on('close', onClose);
    try {
      if (body.stream) return await streamed(kind, base, req, stops, body.stream_options?.include_usage === true, controller, reply);
      let text = '';
      const outcome = await runGeneration(req, stops, controller, (t) => {
        text += t;
      });
      if (!outcome) throw clientGone();
      record(outcome.measured);
      const { finishReason, measured } = outcome;
      const usage = usageOf(measured);
      const timings = timingsOf(measured);
      const tokenIds = body.return_token_ids ? { prompt_token_ids: promptIds, token_ids: outcome.ids } : {};
      if (kind === 'chat') {
        const message = { role: 'assistant' as const, content: text, refusal: null };
        const res: ChatCompletion = { ...base, object: 'chat.completion', choices: [{ index: 0, message, logprobs: null, finish_reason: finishReason, ...tokenIds }], usage, timings };
        return reply.send(res);
      }
      const res: TextCompletion = { ...base, object: 'text_completion', choices: [{ index: 0, text, logprobs: null, finish_reason: finishReason, ...tokenIds }], usage, timings };
      return reply.send(res);
    } finally {
      settled = true;
      inFlight--;
      reply.raw.off('close', onClose);
    }
  }

  /**
   * Server-sent events. The stream opens at the first token, so a refusal before it (saturated, context,
   * an error event) still gets its HTTP status; a failure after it is sent as a `data: {"error": ...}` event,
   * and the stream ends without [DONE].
   */
  async function streamed(kind: Kind, base: ChunkBase, req: GenerationRequest, stops: readonly string[], includeUsage: boolean, controller: AbortController, reply: FastifyReply) {
    const object = kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
    const chunk = (text: string, finish: FinishReason | null) => {
      const c = kind === 'chat' ? chatChunk(base, finish ? {} : { content: text }, finish) : textChunk(base, text, finish);
      return includeUsage ? { ...c, usage: null } : c;
    };
    let out: PassThrough | undefined;
    const write = (s: string) => {
      if (out && !out.destroyed) out.write(s);
    };
    const open = (): PassThrough => {
      if (out) return out;
      out = new PassThrough();
      reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
      void reply.send(out);
      if (kind === 'chat') {
        const first = chatChunk(base, { role: 'assistant', content: '' }, null);
        write(sse(includeUsage ? { ...first, usage: null } : first));
      }
      return out;
    };

    let outcome: Outcome | null;
    try {
      outcome = await runGeneration(req, stops, controller, (text) => {
        open();
        if (text) write(sse(chunk(text, null)));
      });
    } catch (err) {
      if (!out) throw err;
      const e = toApiError(err);
      reply.log.error({ err: e.cause ?? e }, `stream failed: ${e.message}`);
      write(sse(e.toBody()));
      out.end();
      return reply;
    }
    if (!outcome) {
      if (!out) throw clientGone();
      out.end();
      return reply;
    }
    record(outcome.measured);
    const stream = open();
    const timings = timingsOf(outcome.measured);
    if (includeUsage) {
      write(sse(chunk('', outcome.finishReason)));
      write(sse({ ...usageChunk(base, object, usageOf(outcome.measured)), timings }));
    } else {
      write(sse({ ...chunk('', outcome.finishReason), timings }));
    }
    write(SSE_DONE);
    stream.end();
    return reply;
  }

  // ---- routes ----

  const routes: FastifyPluginAsyncTypebox = async (r) => {
    r.get('/models', { schema: { response: { 200: ModelList } } }, async () => models);

    r.post('/chat/completions', { schema: { body: ChatCompletionRequest, response: { 200: ChatCompletion } } }, async (request, reply) => {
      const body = request.body;
      checkRequest(body);
      const promptIds = chatPromptIds(body);
      const maxTokens = maxTokensFor(promptIds.length, body.max_completion_tokens ?? body.max_tokens, 'messages');
      return complete('chat', body, promptIds, maxTokens, reply);
    });

    r.post('/completions', { schema: { body: CompletionRequest, response: { 200: TextCompletion } } }, async (request, reply) => {
      const body = request.body;
      checkRequest(body);
      const prompt = typeof body.prompt === 'string' ? body.prompt : body.prompt[0]!;
      const promptIds = tokenizer.encode(prompt, true);
      const maxTokens = maxTokensFor(promptIds.length, body.max_tokens, 'prompt');
      return complete('text', body, promptIds, maxTokens, reply);
    });

    r.get('/health', { schema: { response: { 200: Health, 503: Health } } }, async (_request, reply) => {
      let services: ServiceHealth[];
      try {
        services = await backend.health();
      } catch (err) {
        services = [{ name: 'backend', status: 'unavailable', detail: { error: (err as Error).message } }];
      }
      const ok = services.length > 0 && services.every((s) => s.status === 'ok');
      return reply.code(ok ? 200 : 503).send({ status: ok ? 'ok' : 'unavailable', model_loaded: backend.modelName, services });
    });

    r.get('/stats', { schema: { response: { 200: Stats } } }, async () => stats);
  };

  await app.register(routes, { prefix: '/v1' });
  await app.register(routes, { prefix: '/api/v1' });
  return app as unknown as FastifyInstance;
}
