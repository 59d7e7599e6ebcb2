// The gateway's one dependency on the rest of the system: something that turns prompt token ids into a
// stream of generated token ids. The NATS backend (nats-backend.ts) dispatches to the prefill and decode
// workers; the engine backend (engine-backend.ts) runs the model in this process (the single-process
// reference path, used by tests and by `bench serve` to compare TTFT).

import type { TokenLogprob } from '@inferos/inference';

export interface GenerationRequest {
  /** Unique per request; names the stream subject and the kv-store sequence. */
  requestId: string;
  promptIds: number[];
  maxTokens: number;
  /** 0 means greedy (argmax); otherwise seeded top-p sampling. */
  temperature: number;
  topP: number;
  /** Seed of the sampler; absent: chosen by the backend (and reported nowhere, so not reproducible). */
  seed?: number;
  /** Stop at the model's end-of-sequence token. */
  stopAtEos: boolean;
  /** Named KV policy (policies/*.yaml) for this request; absent: the system's current policy. */
  policy?: string;
  /** The client's time-to-first-token target in ms (the controller's mid loop steers toward it). */
  targetFtlMs?: number;
  /** Report each generated token's log-probability with this many alternatives (0-20); absent: none. */
  logprobs?: number;
  /** Report the prompt tokens' log-probabilities (a `prompt` event before the first token). */
  echo?: boolean;
}

export type FinishReason = 'stop' | 'length';

export type GenerationEvent =
  /** Newly generated token ids, in order (one or more), with their log-probabilities when asked for. */
  | { kind: 'tokens'; ids: number[]; logprobs?: TokenLogprob[] }
  /** With `echo`: log-probabilities of prompt tokens 1..n-1 (given those before), in order; may come in parts. */
  | { kind: 'prompt'; logprobs: TokenLogprob[] }
  /** The request finished; timings are measured by the backend. */
  | {
      kind: 'done';
      finishReason: FinishReason;
      promptTokens: number;
      completionTokens: number;
      /** Request accepted to first token chosen (prefill included). */
      promptMs: number;
      /** First token to last token. */
      decodeMs: number;
    }
  /** The request failed after it started (for example its decode worker died). Nothing follows. */
  | { kind: 'error'; code: BackendErrorCode; message: string };

export const BackendErrorCode = {
  /** No room in the KV budget or the waiting queue: the client should retry later (HTTP 503). */
  saturated: 'saturated',
  /** The prompt plus max tokens do not fit the model's context (HTTP 400, OpenAI `context_length_exceeded`). */
  contextLengthExceeded: 'context_length_exceeded',
  /** The request asks for something invalid (unknown policy, bad token id): HTTP 400. */
  invalidRequest: 'invalid_request_error',
  /** A service the request needs is not running (HTTP 503). */
  unavailable: 'unavailable',
  /** A worker died or timed out mid-request; the client gets an error event. */
  workerLost: 'worker_lost',
  internal: 'internal_error',
} as const;
export type BackendErrorCode = (typeof BackendErrorCode)[keyof typeof BackendErrorCode];

export class BackendError extends Error {
  override name = 'BackendError';
  constructor(
    readonly code: BackendErrorCode,
    message: string,
    /** For `saturated`: seconds after which a retry may succeed. */
    readonly retryAfterS?: number,
  ) {
    super(message);
  }
}

export interface ServiceHealth {
  name: string;
  status: 'ok' | 'unavailable';
  detail?: Record<string, unknown>;
}

export interface Backend {
  readonly modelName: string;
  /** The model's context length in tokens. */
  readonly maxContext: number;
  /** Token ids are in [0, vocabSize). */
  readonly vocabSize: number;
  /**
   * Generate for `req`, calling `onEvent` for each event in order; resolves after `done` or `error`.
   * Throws BackendError before any event when the request cannot start (saturated, context length,
   * unavailable, invalid). Aborting `signal` stops generation and frees the request's KV; after an abort
   * `generate` may resolve without a `done` event (the gateway then counts and times what it received).
   */
  generate(req: GenerationRequest, onEvent: (e: GenerationEvent) => void, signal: AbortSignal): Promise<void>;
  health(): Promise<ServiceHealth[]>;
  close(): Promise<void>;
}
