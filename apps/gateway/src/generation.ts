// The generation core every HTTP surface shares (OpenAI's and Ollama's routes): one backend request run to
// its outcome, with the text it releases (stop strings cut there), the tokens' log-probabilities, the
// requests in flight against the gateway's limit, and the last request's figures (Lemonade's stats).
import type { TextTokenizer, TokenLogprob } from '@inferos/inference';
import type { Backend, FinishReason, GenerationEvent, GenerationRequest } from './backend';
import { ApiError, ApiErrorCode, fromBackend, toApiError } from './errors';
import { TextAssembler, timingsOf, type Measured, type Stats } from './openai';

type Done = Extract<GenerationEvent, { kind: 'done' }>;

export interface Outcome {
  finishReason: FinishReason;
  measured: Measured;
  /** Every token id the backend generated (a stop string may cut the text before the last of them). */
  ids: number[];
  /** One per id, when the request asked for log-probabilities. */
  logprobs: TokenLogprob[] | undefined;
  /** With echo: prompt tokens 1..n-1's log-probabilities. */
  promptLogprobs: TokenLogprob[] | undefined;
}

export type OnTokens = (text: string, ids: number[], logprobs: TokenLogprob[] | undefined, promptLogprobs: readonly TokenLogprob[]) => void;

export class Generations {
  /** Generation requests in flight (a stream counts until it ends). */
  inFlight = 0;
  /** The last completed request (Lemonade's /api/v1/stats); every figure null before the first. */
  stats: Stats = { time_to_first_token: null, tokens_per_second: null, input_tokens: null, output_tokens: null };

  constructor(
    private readonly backend: Backend,
    private readonly tokenizer: TextTokenizer,
    private readonly maxWaiting: number,
    private readonly retryAfterS: number,
  ) {}

  /**
   * Count `n` generations in flight, or refuse past the limit: 503 saturated (retry later) while others
   * hold the room, 400 when `n` alone exceeds it (a retry could never succeed). Returns the release.
   */
  reserve(n: number, param = 'n'): () => void {
    if (n > this.maxWaiting) {
      throw new ApiError(ApiErrorCode.invalidRequest, `${param}: this request needs ${n} generations (prompts x n), more than the gateway runs at once (${this.maxWaiting})`, { param });
    }
    if (this.inFlight + n > this.maxWaiting) {
      throw new ApiError(ApiErrorCode.saturated, `the gateway already has ${this.inFlight} requests in flight (limit ${this.maxWaiting}; this one needs ${n}); retry later`, {
        retryAfterS: this.retryAfterS,
      });
    }
    this.inFlight += n;
    let released = false;
    return () => {
      if (!released) this.inFlight -= n;
      released = true;
    };
  }

  /**
   * Run `req` on the backend, passing each tokens event to `onTokens` with the text it released (called on
   * every tokens event, even when no text is released yet). Resolves with the outcome, or null when the
   * client went away; throws an ApiError (or the backend's error) on failure. `onTokens` has been called
   * iff the failure came after a token.
   */
  async run(
    req: GenerationRequest,
    stops: readonly string[],
    controller: AbortController,
    onTokens: (text: string, ids: number[], logprobs: TokenLogprob[] | undefined, promptLogprobs: readonly TokenLogprob[]) => void,
  ): Promise<Outcome | null> {
    const assembler = new TextAssembler(this.tokenizer, stops);
    const acceptedAt = performance.now();
    let firstAt = 0;
    let lastAt = 0;
    let received = 0;
    const ids: number[] = [];
    const logprobs: TokenLogprob[] = [];
    const promptLogprobs: TokenLogprob[] = [];
    let done: Done | undefined;
    let failure: ApiError | undefined;
    const onEvent = (e: GenerationEvent) => {
      if (assembler.stopped || failure || done) return;
      if (e.kind === 'prompt') {
        promptLogprobs.push(...e.logprobs);
      } else if (e.kind === 'tokens') {
        lastAt = performance.now();
        if (received === 0) firstAt = lastAt;
        received += e.ids.length;
        ids.push(...e.ids);
        if (e.logprobs) logprobs.push(...e.logprobs);
        const text = assembler.push(e.ids);
        if (assembler.stopped) controller.abort();
        onTokens(text, e.ids, e.logprobs, promptLogprobs);
      } else if (e.kind === 'done') {
        done = e;
      } else {
        failure = fromBackend(e.code, e.message);
      }
    };
    try {
      await this.backend.generate(req, onEvent, controller.signal);
    } catch (err) {
      // After our own abort (stop string, client gone) a rejection is expected; before any token it is a refusal.
      if (!controller.signal.aborted) {
        if (received === 0 && !failure) throw err;
        failure ??= toApiError(err);
      }
    }
    if (failure) throw failure;
    // The client went away (not a stop string): nothing to check or answer.
    if (controller.signal.aborted && !assembler.stopped) return null;
    if (req.logprobs !== undefined && logprobs.length !== ids.length) {
      throw new ApiError(ApiErrorCode.internal, `the backend sent ${logprobs.length} log-probabilities for ${ids.length} tokens`);
    }
    if (req.echo && promptLogprobs.length !== req.promptIds.length - 1) {
      throw new ApiError(ApiErrorCode.internal, `the backend sent ${promptLogprobs.length} prompt log-probabilities for ${req.promptIds.length} prompt tokens`);
    }
    const extra = { ids, logprobs: req.logprobs === undefined ? undefined : logprobs, promptLogprobs: req.echo ? promptLogprobs : undefined };
    if (assembler.stopped) {
      // The gateway cut the text at a stop string: count and time what it used, by its own clock.
      const measured = { promptTokens: req.promptIds.length, completionTokens: received, promptMs: firstAt - acceptedAt, decodeMs: lastAt - firstAt };
      return { finishReason: 'stop', measured, ...extra };
    }
    if (!done) throw new ApiError(ApiErrorCode.internal, 'the backend ended the request without a result');
    const tail = assembler.finish();
    if (tail) onTokens(tail, [], undefined, promptLogprobs);
    const { finishReason, promptTokens, completionTokens, promptMs, decodeMs } = done;
    return { finishReason, measured: { promptTokens, completionTokens, promptMs, decodeMs }, ...extra };
  }

  record(m: Measured): void {
    this.stats = {
      time_to_first_token: m.promptMs / 1000,
      tokens_per_second: timingsOf(m).predicted_per_second,
      input_tokens: m.promptTokens,
      output_tokens: m.completionTokens,
    };
  }

}
