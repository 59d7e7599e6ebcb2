// A typed client for a running Infer-OS: the gateway's OpenAI-compatible routes (typed by the same
// schemas the gateway validates with: api.ts) and the control API (policy, baseline mode, metrics,
// history, and reports from someone else's model runs: adapter.ts).
import type { PolicyDocument, PolicyPatch } from '@inferos/kv/policy-schema';
import type { ChatCompletion, ChatCompletionRequest, CompletionRequest, ModelList, TextCompletion } from './api';

// The policy's types come from its one schema (@inferos/kv's policy-schema, which imports only typebox).
export type { Policy, PartialPolicy, PolicyDocument, PolicyPatch } from '@inferos/kv/policy-schema';

export const DEFAULT_GATEWAY_URL = 'http://127.0.0.1:8000';
export const DEFAULT_CONTROL_URL = 'http://127.0.0.1:7031';

export interface ClientOptions {
  /** The gateway (default http://127.0.0.1:8000). */
  gatewayUrl?: string;
  /** The control API (default http://127.0.0.1:7031). */
  controlUrl?: string;
  /** Sent as `Authorization: Bearer KEY` to both (a system bound beyond loopback requires one). */
  apiKey?: string;
  /** Milliseconds before a request that has not answered is aborted; for a stream, without any data (default 120 s). */
  timeoutMs?: number;
}

/** An error answer of either API: its HTTP status and what the body says. */
export class InferOSError extends Error {
  override name = 'InferOSError';
  constructor(
    readonly status: number,
    /** The API's error code (`invalid_request_error`, `context_length_exceeded`, `saturated`, ...). */
    readonly code: string,
    message: string,
    /** The request field it concerns, when the API names one. */
    readonly param: string | null = null,
    /** Seconds to wait before retrying (503 saturated). */
    readonly retryAfterS: number | null = null,
  ) {
    super(message);
  }
}

/** The control API's policy answer: the whole policy in the seed's shape. */
export interface PolicyReply {
  version: number;
  baseline_mode: boolean;
  reason: string;
  policy: PolicyDocument;
}

/** The control API's health answer: the system's, and each service's status and policy version. */
export interface HealthReply {
  status: string;
  policy_version?: number;
  baseline_mode?: boolean;
  services: { service: string; status: string; policy_version?: number }[];
}

export interface HistoryEntry {
  kind: string;
  at_ms?: number;
  [key: string]: unknown;
}

/** What one run of someone's own model did, for the controller's metrics (POST /v1/report). */
export interface RunReport {
  /** Who reports (an app name): the controller keeps figures per source. */
  source: string;
  /** Tokens the run produced (0 for a run that only scored or embedded). */
  tokens: number;
  /** Wall time of the run in milliseconds. */
  durationMs: number;
  /** Prompt tokens it consumed, when known. */
  promptTokens?: number;
  /** Time to its first token in milliseconds, when it generated. */
  ttftMs?: number;
}

export type ChatParams = Omit<ChatCompletionRequest, 'stream' | 'stream_options'>;
export type CompletionParams = Omit<CompletionRequest, 'stream' | 'stream_options'>;

/** One server-sent event of a streamed completion (chat.completion.chunk or text_completion). */
export interface StreamChunk {
  id: string;
  object: string;
  choices: { index: number; text?: string; delta?: { role?: string; content?: string }; logprobs: unknown; finish_reason: string | null }[];
  usage?: { prompt_tokens: number; completion_tokens: number; total_tokens: number } | null;
  timings?: Record<string, number | null>;
}

export class InferOSClient {
  readonly gatewayUrl: string;
  readonly controlUrl: string;
  private readonly apiKey: string | undefined;
  private readonly timeoutMs: number;

  constructor(opts: ClientOptions = {}) {
    this.gatewayUrl = (opts.gatewayUrl ?? DEFAULT_GATEWAY_URL).replace(/\/+$/, '');
    this.controlUrl = (opts.controlUrl ?? DEFAULT_CONTROL_URL).replace(/\/+$/, '');
    this.apiKey = opts.apiKey;
    this.timeoutMs = opts.timeoutMs ?? 120_000;
  }

  // ---- gateway ----

  async models(): Promise<ModelList> {
    return this.call('GET', this.gatewayUrl, '/v1/models');
  }

  async chat(params: ChatParams): Promise<ChatCompletion> {
    return this.call('POST', this.gatewayUrl, '/v1/chat/completions', { ...params, stream: false });
  }

  async completion(params: CompletionParams): Promise<TextCompletion> {
    return this.call('POST', this.gatewayUrl, '/v1/completions', { ...params, stream: false });
  }

  /** A streamed chat completion, chunk by chunk (the usage chunk last). */
  chatStream(params: ChatParams, signal?: AbortSignal): AsyncGenerator<StreamChunk> {
    return this.stream('/v1/chat/completions', params, signal);
  }

  /** A streamed text completion, chunk by chunk (the usage chunk last). */
  completionStream(params: CompletionParams, signal?: AbortSignal): AsyncGenerator<StreamChunk> {
    return this.stream('/v1/completions', params, signal);
  }

  // ---- control API ----

  async policy(): Promise<PolicyReply> {
    return this.call('GET', this.controlUrl, '/v1/policy');
  }

  /**
   * Apply a partial policy, `{ kv: { recent_window: 96 } }` (the guide's bare shape) or wrapped in
   * `infer_os`; the controller validates it (422 names the key) and distributes it.
   */
  async setPolicy(patch: PolicyPatch): Promise<PolicyReply> {
    return this.call('POST', this.controlUrl, '/v1/policy', patch);
  }

  /** Enter (true) or leave (false) baseline mode: every new sequence at full precision. */
  async baseline(enable: boolean): Promise<PolicyReply> {
    return this.call('POST', this.controlUrl, '/v1/baseline', { enable });
  }

  /** Each service's status and the policy version it runs. */
  async health(): Promise<HealthReply> {
    return this.call('GET', this.controlUrl, '/v1/health');
  }

  async metrics(): Promise<Record<string, unknown>> {
    return this.call('GET', this.controlUrl, '/v1/metrics');
  }

  async history(limit = 50): Promise<HistoryEntry[]> {
    return (await this.call<{ history: HistoryEntry[] }>('GET', this.controlUrl, `/v1/history?limit=${limit}`)).history;
  }

  /** Report one run of someone's own model to the controller (it shows in /v1/metrics under `external`). */
  async report(run: RunReport): Promise<void> {
    await this.call('POST', this.controlUrl, '/v1/report', {
      source: run.source, tokens: run.tokens, duration_ms: run.durationMs,
      ...(run.promptTokens === undefined ? {} : { prompt_tokens: run.promptTokens }),
      ...(run.ttftMs === undefined ? {} : { ttft_ms: run.ttftMs }),
    });
  }

  // ---- plumbing ----

  private headers(json: boolean): Record<string, string> {
    return { ...(json ? { 'content-type': 'application/json' } : {}), ...(this.apiKey ? { authorization: `Bearer ${this.apiKey}` } : {}) };
  }

  private async call<T>(method: 'GET' | 'POST', base: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: this.headers(body !== undefined),
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new InferOSError(0, 'unreachable', `${method} ${base}${path}: ${(err as Error).message} (is the system running? inferos up)`);
    }
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    if (!res.ok) throw errorOf(res, json, text, `${method} ${path}`);
    return json as T;
  }

  private async *stream(path: string, params: object, signal?: AbortSignal): AsyncGenerator<StreamChunk> {
    // The stream is cut when nothing arrives for timeoutMs (the response's head comes with the first token,
    // so this also bounds the wait for it). A caller that stops iterating (break) closes it, which the
    // gateway sees as the client gone: it stops generating and frees the request's KV.
    const idle = new AbortController();
    let timer = setTimeout(() => idle.abort(), this.timeoutMs);
    const rearm = () => {
      clearTimeout(timer);
      timer = setTimeout(() => idle.abort(), this.timeoutMs);
    };
    const abort = signal ? AbortSignal.any([signal, idle.signal]) : idle.signal;
    const failure = (err: unknown): unknown => {
      if (signal?.aborted) return err; // the caller's own abort, as it is
      if (idle.signal.aborted) return new InferOSError(0, 'timeout', `POST ${path}: nothing received for ${this.timeoutMs} ms`);
      if (err instanceof InferOSError) return err;
      return new InferOSError(0, 'unreachable', `POST ${this.gatewayUrl}${path}: ${(err as Error).message} (is the system running? inferos up)`);
    };
    try {
      let res: Response;
      try {
        res = await fetch(`${this.gatewayUrl}${path}`, {
          method: 'POST',
          headers: this.headers(true),
          body: JSON.stringify({ ...params, stream: true, stream_options: { include_usage: true } }),
          signal: abort,
        });
      } catch (err) {
        throw failure(err);
      }
      if (!res.ok || !res.body) {
        const text = await res.text();
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
        throw errorOf(res, json, text, `POST ${path}`);
      }
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      let buf = '';
      try {
        for (;;) {
          let chunk: Awaited<ReturnType<typeof reader.read>>;
          try {
            chunk = await reader.read();
          } catch (err) {
            throw failure(err);
          }
          if (chunk.done) break;
          rearm();
          buf += chunk.value;
          let i: number;
          while ((i = buf.indexOf('\n\n')) >= 0) {
            const data = buf.slice(0, i).replace(/^data: /, '');
            buf = buf.slice(i + 2);
            if (data === '[DONE]') return;
            const ev = JSON.parse(data) as StreamChunk & { error?: { message: string; code: string; param?: string | null } };
            // A failure after the stream started comes as one error event, then the stream ends.
            if (ev.error) throw new InferOSError(res.status, ev.error.code, ev.error.message, ev.error.param ?? null);
            yield ev;
          }
        }
      } finally {
        await reader.cancel().catch(() => {});
      }
      throw new InferOSError(res.status, 'incomplete_stream', `POST ${path}: the stream ended without [DONE]`);
    } finally {
      clearTimeout(timer);
    }
  }
}

function errorOf(res: Response, json: unknown, text: string, what: string): InferOSError {
  // The gateway answers OpenAI's { error: { message, code, param } }, the control API { error: { message, code, path } }.
  const e = (json as { error?: { message?: string; code?: string; param?: string | null; path?: string } } | undefined)?.error;
  const retry = res.headers.get('retry-after');
  return new InferOSError(
    res.status,
    e?.code ?? `http_${res.status}`,
    `${what}: ${e?.message ?? (text.slice(0, 200) || res.statusText)}`,
    e?.param ?? e?.path ?? null,
    retry === null ? null : Number(retry),
  );
}
