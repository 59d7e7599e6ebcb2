// The gateway's HTTP layer: an OpenAI-compatible API (plus Lemonade's health and stats, and Ollama's routes:
// ollama.ts) over a Backend.
// Every route is served under /v1 and under Lemonade's /api/v1. buildApp never listens; main.ts does.
import { randomUUID } from 'node:crypto';
import { bearerCheck } from '@inferos/serving';
import { PassThrough } from 'node:stream';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { TypeBoxValidatorCompiler, type FastifyPluginAsyncTypebox, type TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { ModelInfo, TextTokenizer, TokenLogprob } from '@inferos/inference';
import type { Backend, GenerationRequest, ServiceHealth } from './backend';
import { ChatTemplate } from './chat-template';
import { ApiError, ApiErrorCode, toApiError } from './errors';
import { Generations, type Outcome } from './generation';
import { ollamaRoutes } from './ollama';
import {
  ChatCompletion, ChatCompletionRequest, CompletionRequest, DEFAULT_MAX_TOKENS, Health, ModelList, SSE_DONE, Stats, TextCompletion, TokenText,
  UNSUPPORTED_UNLESS, chatChunk, chatLogprobs, completionLogprobs, sse, textChunk, timingsOf, usageChunk,
  type ChunkBase, type CompletionLogprobs, type Usage,
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
  /** The served model's metadata (Ollama's /api/tags and /api/show). */
  modelInfo: ModelInfo;
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

export { DEFAULT_MAX_TOKENS };
export const DEFAULT_MAX_WAITING = 64;

type Kind = 'chat' | 'text';
/** One prompt of a request, as token ids, and the tokens to generate after it (0: echo only). */
interface Prompt {
  ids: number[];
  maxTokens: number;
}

/** What the request asks to see besides the text: `top` alternatives per token (undefined: no logprobs), the prompt. */
interface Asked {
  top: number | undefined;
  echo: boolean;
}

interface Choice {
  index: number;
  prompt: Prompt;
  req: GenerationRequest;
}

/**
 * Every choice's generation to its end, even when one fails: a failure aborts the others (`abort`) and is
 * rethrown only once all have settled, so that none is still running (and counted in flight) after the
 * request is answered.
 */
async function settleAll<T>(runs: Promise<T>[], abort: () => void): Promise<T[]> {
  let failed = false;
  const settled = await Promise.allSettled(runs.map((p) => p.catch((err: unknown) => {
    if (!failed) abort();
    failed = true;
    throw err;
  })));
  const rejected = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<T>).value);
}

/** Usage of a request with several choices: each prompt counted once, every choice's completion tokens. */
function usageOfChoices(choices: readonly Choice[], outcomes: readonly Outcome[]): Usage {
  const prompts = new Set<Prompt>();
  let prompt = 0;
  let completion = 0;
  choices.forEach((c, i) => {
    if (!prompts.has(c.prompt)) {
      prompts.add(c.prompt);
      prompt += c.prompt.ids.length;
    }
    completion += c.prompt.maxTokens === 0 ? 0 : outcomes[i]!.measured.completionTokens;
  });
  return { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion };
}


export async function buildApp(config: GatewayConfig, deps: GatewayDeps): Promise<FastifyInstance> {
  const { backend, tokenizer } = deps;
  const maxWaiting = config.maxWaiting ?? DEFAULT_MAX_WAITING;
  const template = deps.chatTemplate === null ? null : new ChatTemplate(deps.chatTemplate, { bosToken: deps.bosToken, eosToken: deps.eosToken });
  const models: ModelList = {
    object: 'list',
    data: [{ id: backend.modelName, object: 'model', created: deps.modelCreated ?? 0, owned_by: 'inferos' }],
  };
  const generations = new Generations(backend, tokenizer, maxWaiting, config.retryAfterS ?? 1);
  const strings = new TokenText(tokenizer);

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

  /**
   * A completions prompt as token ids, one list per prompt: text is tokenized with BOS (as the model
   * expects), token ids are used as given and checked against the vocabulary.
   */
  function promptsOf(prompt: CompletionRequest['prompt']): number[][] {
    if (typeof prompt === 'string') return [tokenizer.encode(prompt, true)];
    const list = prompt as readonly (string | number | number[])[];
    if (list.every((p) => typeof p === 'number')) return [checkIds(list as number[])];
    return list.map((p) => (typeof p === 'string' ? tokenizer.encode(p, true) : checkIds(p as number[])));
  }

  function checkIds(ids: readonly number[]): number[] {
    const bad = ids.find((id) => id >= backend.vocabSize);
    if (bad !== undefined) throw new ApiError(ApiErrorCode.invalidRequest, `prompt: token id ${bad} is not in the vocabulary [0, ${backend.vocabSize})`, { param: 'prompt' });
    return [...ids];
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

  const clientGone = () => new ApiError(ApiErrorCode.invalidRequest, 'the client closed the connection', { status: 499 });

  /**
   * The choices of one request: every prompt (one for chat; a batch for completions) `n` times, in that
   * order (choice index = prompt * n + j). Each choice is a generation of its own; with a seed, choice j of
   * a prompt samples with seed + j.
   */
  function choicesOf(body: ChatCompletionRequest | CompletionRequest, prompts: Prompt[], asked: Asked): Choice[] {
    const n = body.n ?? 1;
    const choices: Choice[] = [];
    for (const prompt of prompts) {
      for (let j = 0; j < n; j++) {
        const req: GenerationRequest = {
          requestId: randomUUID(),
          promptIds: prompt.ids,
          // max_tokens 0 (echo only): the prompt runs as for one token, which is not returned.
          maxTokens: Math.max(prompt.maxTokens, 1),
          temperature: body.temperature ?? 1,
          topP: body.top_p ?? 1,
          stopAtEos: !(body.ignore_eos ?? false),
        };
        if (body.seed !== undefined && body.seed !== null) req.seed = body.seed + j;
        if (body.kv_policy !== undefined && body.kv_policy !== null) req.policy = body.kv_policy;
        if (body.target_ftl_ms !== undefined && body.target_ftl_ms !== null) req.targetFtlMs = body.target_ftl_ms;
        if (asked.top !== undefined) req.logprobs = asked.top;
        if (asked.echo && asked.top !== undefined) req.echo = true;
        choices.push({ index: choices.length, prompt, req });
      }
    }
    return choices;
  }

  /** The echoed prompt's text and logprobs entries, and the completion's, of one choice (completions). */
  function textOf(choice: Choice, outcome: Outcome, text: string, asked: Asked): { text: string; logprobs: CompletionLogprobs | null } {
    const scoreOnly = choice.prompt.maxTokens === 0;
    const ids = scoreOnly ? [] : outcome.ids;
    const lps = scoreOnly ? [] : outcome.logprobs ?? [];
    const echoText = asked.echo ? tokenizer.decode(choice.prompt.ids) : '';
    const full = echoText + (scoreOnly ? '' : text);
    if (asked.top === undefined) return { text: full, logprobs: null };
    const shownIds = asked.echo ? [...choice.prompt.ids, ...ids] : ids;
    const shownLps = asked.echo ? [null, ...(outcome.promptLogprobs ?? []), ...lps] : lps;
    return { text: full, logprobs: completionLogprobs(shownIds, shownLps, strings) };
  }

  async function complete(kind: Kind, body: ChatCompletionRequest | CompletionRequest, prompts: Prompt[], asked: Asked, reply: FastifyReply) {
    const choices = choicesOf(body, prompts, asked);
    const stops = body.stop === undefined || body.stop === null ? [] : typeof body.stop === 'string' ? [body.stop] : body.stop;
    const base: ChunkBase = {
      id: `${kind === 'chat' ? 'chatcmpl' : 'cmpl'}-${choices[0]!.req.requestId}`,
      created: Math.floor(Date.now() / 1000),
      model: backend.modelName,
    };

    const release = generations.reserve(choices.length);
    const controllers = choices.map(() => new AbortController());
    const abortAll = () => controllers.forEach((c) => c.abort());
    let settled = false;
    const onClose = () => {
      if (!settled) abortAll();
    };
    reply.raw.on('close', onClose);
    try {
      if (body.stream) return await streamed(kind, base, choices, stops, asked, body.stream_options?.include_usage === true, controllers, reply);
      const texts = choices.map(() => '');
      const outcomes = await settleAll(choices.map((c, i) => generations.run(c.req, stops, controllers[i]!, (t) => {
        texts[i] += t;
      })), abortAll);
      if (outcomes.some((o) => o === null)) throw clientGone();
      const done = outcomes as Outcome[];
      generations.record(done[0]!.measured);
      const usage = usageOfChoices(choices, done);
      const timings = timingsOf(done[0]!.measured);
      const tokenIds = (c: Choice, o: Outcome) => (body.return_token_ids ? { prompt_token_ids: c.prompt.ids, token_ids: c.prompt.maxTokens === 0 ? [] : o.ids } : {});
      if (kind === 'chat') {
        const res: ChatCompletion = {
          ...base, object: 'chat.completion', usage, timings,
          choices: choices.map((c, i) => ({
            index: c.index,
            message: { role: 'assistant' as const, content: texts[i]!, refusal: null },
            logprobs: asked.top === undefined ? null : chatLogprobs(done[i]!.ids, done[i]!.logprobs ?? [], strings),
            finish_reason: done[i]!.finishReason,
            ...tokenIds(c, done[i]!),
          })),
        };
        return reply.send(res);
      }
      const res: TextCompletion = {
        ...base, object: 'text_completion', usage, timings,
        choices: choices.map((c, i) => ({ index: c.index, ...textOf(c, done[i]!, texts[i]!, asked), finish_reason: done[i]!.finishReason, ...tokenIds(c, done[i]!) })),
      };
      return reply.send(res);
    } finally {
      settled = true;
      release();
      reply.raw.off('close', onClose);
    }
  }

  /**
   * Server-sent events. The stream opens at the first token of any choice, so a refusal before it
   * (saturated, context, an error event) still gets its HTTP status; a failure after it is sent as a
   * `data: {"error": ...}` event, and the stream ends without [DONE]. Choices stream side by side, each
   * chunk naming its index; each ends with its own finish chunk (with its timings), then usage, then [DONE].
   */
  async function streamed(
    kind: Kind, base: ChunkBase, choices: Choice[], stops: readonly string[], asked: Asked, includeUsage: boolean,
    controllers: AbortController[], reply: FastifyReply,
  ) {
    const object = kind === 'chat' ? 'chat.completion.chunk' : 'text_completion';
    const withUsage = (c: Record<string, unknown>) => (includeUsage ? { ...c, usage: null } : c);
    let out: PassThrough | undefined;
    const write = (s: string) => {
      if (out && !out.destroyed && !out.writableEnded) out.write(s);
    };
    const open = (): PassThrough => {
      if (out) return out;
      out = new PassThrough();
      reply.code(200).header('content-type', 'text/event-stream; charset=utf-8').header('cache-control', 'no-cache').header('x-accel-buffering', 'no');
      void reply.send(out);
      if (kind === 'chat') for (const c of choices) write(sse(withUsage(chatChunk(base, { role: 'assistant', content: '' }, null, c.index))));
      return out;
    };
    const echoed = new Set<number>();
    // Each choice's text so far, in characters: where its next chunk's text_offset starts.
    const offsets = new Map<number, number>();
    const onTokens = (c: Choice) => (text: string, ids: number[], lps: TokenLogprob[] | undefined, promptLps: readonly TokenLogprob[]) => {
      open();
      if (kind === 'chat') {
        if (text || ids.length > 0) write(sse(withUsage(chatChunk(base, { content: text }, null, c.index, lps ? chatLogprobs(ids, lps, strings) : null))));
        return;
      }
      if (asked.echo && !echoed.has(c.index)) {
        echoed.add(c.index);
        // The prompt first (its log-probabilities came before the first token).
        const promptText = tokenizer.decode(c.prompt.ids);
        const lp = asked.top === undefined ? null : completionLogprobs(c.prompt.ids, [null, ...promptLps], strings);
        write(sse(withUsage(textChunk(base, promptText, null, c.index, lp))));
        offsets.set(c.index, c.prompt.ids.reduce((a, id) => a + strings.width(id), 0));
      }
      if (c.prompt.maxTokens === 0) return; // echo only: the generated token is not returned
      if (text || ids.length > 0) {
        const at = offsets.get(c.index) ?? 0;
        write(sse(withUsage(textChunk(base, text, null, c.index, lps ? completionLogprobs(ids, lps, strings, at) : null))));
        offsets.set(c.index, at + ids.reduce((a, id) => a + strings.width(id), 0));
      }
    };
    const generate = async (c: Choice, i: number): Promise<Outcome | null> => {
      const outcome = await generations.run(c.req, stops, controllers[i]!, onTokens(c));
      if (outcome) {
        const finish = kind === 'chat' ? chatChunk(base, {}, outcome.finishReason, c.index) : textChunk(base, '', outcome.finishReason, c.index);
        write(sse(includeUsage ? withUsage(finish) : { ...finish, timings: timingsOf(outcome.measured) }));
      }
      return outcome;
    };

    let outcomes: (Outcome | null)[];
    try {
      outcomes = await settleAll(choices.map((c, i) => generate(c, i)), () => controllers.forEach((c) => c.abort()));
    } catch (err) {
      if (!out) throw err;
      const e = toApiError(err);
      reply.log.error({ err: e.cause ?? e }, `stream failed: ${e.message}`);
      write(sse(e.toBody()));
      out.end();
      return reply;
    }
    if (outcomes.some((o) => o === null)) {
      if (!out) throw clientGone();
      out.end();
      return reply;
    }
    const done = outcomes as Outcome[];
    generations.record(done[0]!.measured);
    const stream = open();
    if (includeUsage) write(sse({ ...usageChunk(base, object, usageOfChoices(choices, done)), timings: timingsOf(done[0]!.measured) }));
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
      if (body.top_logprobs !== undefined && body.top_logprobs !== null && body.logprobs !== true) {
        throw new ApiError(ApiErrorCode.invalidRequest, 'top_logprobs: needs logprobs: true', { param: 'top_logprobs' });
      }
      const ids = chatPromptIds(body);
      const maxTokens = maxTokensFor(ids.length, body.max_completion_tokens ?? body.max_tokens, 'messages');
      const asked: Asked = { top: body.logprobs === true ? body.top_logprobs ?? 0 : undefined, echo: false };
      return complete('chat', body, [{ ids, maxTokens }], asked, reply);
    });

    r.post('/completions', { schema: { body: CompletionRequest, response: { 200: TextCompletion } } }, async (request, reply) => {
      const body = request.body;
      checkRequest(body);
      const echo = body.echo === true;
      if (body.max_tokens === 0 && !echo) {
        throw new ApiError(ApiErrorCode.invalidRequest, 'max_tokens: 0 generates nothing; it is only allowed with echo: true (to score the prompt)', { param: 'max_tokens' });
      }
      const prompts = promptsOf(body.prompt).map((ids) => ({ ids, maxTokens: body.max_tokens === 0 ? 0 : maxTokensFor(ids.length, body.max_tokens, 'prompt') }));
      if (body.max_tokens === 0) for (const p of prompts) maxTokensFor(p.ids.length, 1, 'prompt');
      const asked: Asked = { top: body.logprobs ?? undefined, echo };
      return complete('text', body, prompts, asked, reply);
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

    r.get('/stats', { schema: { response: { 200: Stats } } }, async () => generations.stats);
  };

  await app.register(routes, { prefix: '/v1' });
  await app.register(routes, { prefix: '/api/v1' });
  await app.register(ollamaRoutes({ backend, tokenizer, template, info: deps.modelInfo, generations }), { prefix: '/api' });
  return app as unknown as FastifyInstance;
}
