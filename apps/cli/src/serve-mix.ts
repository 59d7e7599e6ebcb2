// The request mixes of `inferos bench serve`, independent of the engine that serves them: a `Stream`
// function sends one request and reports when each token arrived. Infer-OS is driven through its
// gateway (HTTP streaming, bench-serve.ts); llama.cpp through node-llama-cpp's multi-sequence context in a
// process of its own (peer-child.ts). Both run the same code below, so the figures mean the same thing.
// Key names follow vLLM's benchmark_serving.

/** One request's outcome; `times` are the arrival times (performance.now()) of its tokens. */
export interface One {
  ok: boolean;
  error?: string;
  ttftMs: number;
  itls: number[];
  times: number[];
  outputTokens: number;
  inputTokens: number;
  latencyMs: number;
}

export const failed = (error: string): One => ({ ok: false, error, ttftMs: 0, itls: [], times: [], outputTokens: 0, inputTokens: 0, latencyMs: 0 });

/**
 * Send one request and stream it: `onToken` is called on each token's arrival; when `signal` aborts, the
 * request ends there (ok, with the tokens it had: the client went away, as a real one may).
 */
export type Stream<P> = (prompt: P, maxTokens: number, opts?: { onToken?: (at: number) => void; signal?: AbortSignal }) => Promise<One>;

/** Token arrival times -> the One fields they determine. */
export function timing(t0: number, times: number[], end: number, inputTokens: number, outputTokens: number): One {
  return {
    ok: true, ttftMs: times.length ? times[0]! - t0 : NaN, itls: times.slice(1).map((t, i) => t - times[i]!), times,
    outputTokens, inputTokens, latencyMs: end - t0,
  };
}

export interface MixRound {
  results: One[];
  /** Seconds from the first request sent to the last one finished. */
  duration: number;
}

/** `total` requests, `concurrency` in flight at a time (a new one as soon as one ends), prompts in turn. */
export async function runMix<P>(stream: Stream<P>, prompts: P[], maxTokens: number, concurrency: number, total: number, onDone?: (done: number) => void): Promise<MixRound> {
  let next = 0;
  const results: One[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      try {
        results.push(await stream(prompts[i % prompts.length]!, maxTokens));
      } catch (err) {
        results.push(failed((err as Error).message));
      }
      onDone?.(results.length);
    }
  }));
  return { results, duration: (performance.now() - t0) / 1000 };
}

export const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
export const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** vLLM's keys over every round of one side at one level: throughput over the summed durations. */
export interface MixSummary {
  completed: number;
  failed: number;
  errors: string[];
  duration_s: number;
  total_input_tokens: number;
  total_output_tokens: number;
  request_throughput: number;
  output_throughput: number;
  mean_ttft_ms: number;
  median_ttft_ms: number;
  p99_ttft_ms: number;
  mean_itl_ms: number;
  median_itl_ms: number;
  p99_itl_ms: number;
  mean_tpot_ms: number;
}

export function summarizeMix(rounds: MixRound[]): MixSummary {
  const results = rounds.flatMap((r) => r.results);
  const duration = rounds.reduce((s, r) => s + r.duration, 0);
  const ok = results.filter((r) => r.ok);
  const ttfts = ok.map((r) => r.ttftMs);
  const itls = ok.flatMap((r) => r.itls);
  const outTokens = ok.reduce((s, r) => s + r.outputTokens, 0);
  const tpots = ok.filter((r) => r.outputTokens > 1).map((r) => (r.latencyMs - r.ttftMs) / (r.outputTokens - 1));
  return {
    completed: ok.length,
    failed: results.length - ok.length,
    errors: [...new Set(results.filter((r) => !r.ok).map((r) => r.error ?? ''))].slice(0, 5),
    duration_s: duration,
    total_input_tokens: ok.reduce((s, r) => s + r.inputTokens, 0),
    total_output_tokens: outTokens,
    request_throughput: ok.length / duration,
    output_throughput: outTokens / duration,
    mean_ttft_ms: mean(ttfts),
    median_ttft_ms: pct(ttfts, 50),
    p99_ttft_ms: pct(ttfts, 99),
    mean_itl_ms: mean(itls),
    median_itl_ms: pct(itls, 50),
    p99_itl_ms: pct(itls, 99),
    mean_tpot_ms: mean(tpots),
  };
}

/** What running streams see while a long prompt is admitted (runAdmission). */
export interface AdmissionResult {
  streams: number;
  long_prompt_tokens: number;
  /** The long prompt's time to first token: how long its admission (prefill) took. */
  long_prompt_ttft_ms: number;
  /** The streams' inter-token latencies before the long prompt was sent (steady decoding)... */
  before: { samples: number; median_itl_ms: number; p99_itl_ms: number };
  /** ...and while it was prefilled (gaps that ended between its sending and its first token). */
  during: { samples: number; median_itl_ms: number; p99_itl_ms: number; max_itl_ms: number };
  error?: string;
}

/**
 * `streams` requests decode (prompts `short`, up to `maxTokens` tokens each). Once every one has `warm`
 * tokens (their own prefills are over) and then `warm` more (steady decoding: the "before" window), a
 * request with prompt `long` is sent for one token; when its first token has arrived and every stream has
 * produced one more, the streams are cut. Reports the streams' inter-token latencies before, and during the
 * long prompt's prefill (each gap that ended after it was sent, up to each stream's first token after the
 * long prompt's first: the gap that spans its end counts).
 */
export async function runAdmission<P>(stream: Stream<P>, short: P[], long: P, longTokens: number, streams: number, maxTokens: number, o: { warm?: number; now?: () => number } = {}): Promise<AdmissionResult> {
  const warm = o.warm ?? 8;
  const now = o.now ?? (() => performance.now());
  const stop = new AbortController();
  const arrivals: number[][] = Array.from({ length: streams }, () => []);
  let firstAt = Infinity;
  let waitFor: { n: number; resolve: () => void } | undefined;
  const check = () => {
    if (waitFor && arrivals.every((a) => a.length >= waitFor!.n)) waitFor.resolve();
    if (arrivals.every((a) => a.length > 0 && a[a.length - 1]! > firstAt)) stop.abort();
  };
  const tokensEach = (n: number) => new Promise<void>((resolve) => {
    waitFor = { n, resolve };
    check();
  });
  const running = arrivals.map((times, i) => stream(short[i % short.length]!, maxTokens, {
    signal: stop.signal,
    onToken: (at) => {
      times.push(at);
      check();
    },
  }));
  // A stream that ends early (an error, its token limit) must not leave the scenario waiting.
  const ended = Promise.all(running);
  const base = { streams, long_prompt_tokens: longTokens };
  const none = { samples: 0, median_itl_ms: NaN, p99_itl_ms: NaN };
  const endedEarly = async (why: string): Promise<AdmissionResult> => {
    stop.abort();
    const r = await ended;
    return { ...base, long_prompt_ttft_ms: NaN, before: none, during: { ...none, max_itl_ms: NaN }, error: `${why}: ${r.find((x) => !x.ok)?.error ?? 'token limit reached'}` };
  };
  if ((await Promise.race([tokensEach(warm).then(() => true), ended.then(() => false)])) === false) return endedEarly(`a stream ended before ${warm} tokens`);
  const steadyFrom = now();
  if ((await Promise.race([tokensEach(2 * warm).then(() => true), ended.then(() => false)])) === false) return endedEarly(`a stream ended before ${2 * warm} tokens`);
  const admitAt = now();
  const longResult = await stream(long, 1);
  firstAt = longResult.ok ? admitAt + longResult.ttftMs : now();
  check();
  const results = await ended;
  const gaps = (t: number[]) => t.slice(1).map((end, i) => [end, end - t[i]!] as const);
  const before = arrivals.flatMap((t) => gaps(t).filter(([end]) => end > steadyFrom && end <= admitAt).map(([, g]) => g));
  const during = arrivals.flatMap((t) => {
    const cut = t.find((x) => x > firstAt) ?? Infinity;
    return gaps(t).filter(([end]) => end > admitAt && end <= cut).map(([, g]) => g);
  });
  const short_ = results.some((r) => r.ok && r.times.length > 0 && r.times[r.times.length - 1]! <= firstAt);
  const error = !longResult.ok
    ? `the long prompt failed: ${longResult.error}`
    : results.find((r) => !r.ok)?.error ?? (short_ ? 'a stream reached its token limit before the long prompt\'s first token: give the streams more tokens' : undefined);
  return {
    ...base,
    long_prompt_ttft_ms: longResult.ttftMs,
    before: summary(before),
    during: { ...summary(during), max_itl_ms: during.length ? Math.max(...during) : NaN },
    ...(error ? { error } : {}),
  };
}

function summary(xs: number[]): { samples: number; median_itl_ms: number; p99_itl_ms: number } {
  return { samples: xs.length, median_itl_ms: pct(xs, 50), p99_itl_ms: pct(xs, 99) };
}
