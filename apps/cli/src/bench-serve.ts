// `inferos bench serve`: throughput and latency through the services under one KV budget, for `baseline`
// and a policy in the same run. Real HTTP streaming clients drive the gateway; the kv-store reports the
// peak concurrent sequences and peak KV bytes it actually held. Key names follow vLLM's benchmark_serving.
import { readFileSync } from 'node:fs';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { pb, Subjects, request } from '@inferos/proto';
import { Engine, loadModelInfo, defaultModelDir, contextTextPath, TextTokenizer } from '@inferos/inference';
import { startSystem, freePort } from './system';

export interface ServeBenchOptions {
  concurrency: number[];
  promptTokens: number;
  outputTokens: number;
  /** KV budget in bytes (the system is started with it; with --url it is the running system's). */
  kvBudget?: string;
  policy: string;
  /** Requests per policy and concurrency level (default: 4 x concurrency, at least 8). */
  requests?: number;
  url?: string;
  natsUrl?: string;
  model?: string;
  progress?: (line: string) => void;
  /** Also compare TTFT through the services with the single-process path, interleaved (8 prompts). */
  ttftReference?: boolean;
  /**
   * Rounds per concurrency level (default 1): baseline and the policy take turns, ABBA (baseline first in
   * odd rounds, the policy first in even ones; an even count balances the order), so that a machine
   * whose speed drifts during the run weighs on both alike; each side's figures pool all its rounds.
   */
  rounds?: number;
}

export interface RunResult {
  policy: string;
  concurrency: number;
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
  /** Peak sequences the kv-store held at once, and peak KV bytes, during this run (null without NATS access). */
  peak_concurrent_sequences: number | null;
  peak_kv_bytes: number | null;
}

interface One {
  ok: boolean;
  error?: string;
  ttftMs: number;
  itls: number[];
  outputTokens: number;
  inputTokens: number;
  latencyMs: number;
}

const pct = (xs: number[], p: number): number => {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);

/** Prompts of exactly `n` tokens of the model's held-out text, each from a different offset. */
export function makePrompts(tokenizer: TextTokenizer, text: string, n: number, count: number): string[] {
  const ids = tokenizer.encode(text, false);
  if (ids.length < n + count) throw new RangeError(`the held-out text has ${ids.length} tokens, too few for ${count} prompts of ${n}`);
  const stride = Math.max(1, Math.floor((ids.length - n) / count));
  return Array.from({ length: count }, (_, i) => tokenizer.decode(ids.slice(i * stride, i * stride + n)));
}

async function streamOne(url: string, model: string, prompt: string, maxTokens: number, policy: string, apiKey?: string): Promise<One> {
  const t0 = performance.now();
  const res = await fetch(`${url}/v1/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}) },
    body: JSON.stringify({
      model, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, stream: true,
      stream_options: { include_usage: true }, kv_policy: policy,
    }),
  });
  if (res.status !== 200 || !res.body) {
    return { ok: false, error: `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}`, ttftMs: 0, itls: [], outputTokens: 0, inputTokens: 0, latencyMs: 0 };
  }
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buf = '';
  let first = 0;
  let last = 0;
  const itls: number[] = [];
  let usage: { prompt_tokens: number; completion_tokens: number } | undefined;
  let error: string | undefined;
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buf += value;
    let i: number;
    while ((i = buf.indexOf('\n\n')) >= 0) {
      const data = buf.slice(0, i).replace(/^data: /, '');
      buf = buf.slice(i + 2);
      if (data === '[DONE]') continue;
      const ev = JSON.parse(data) as { error?: { message: string }; choices?: { text: string }[]; usage?: { prompt_tokens: number; completion_tokens: number } };
      if (ev.error) error = ev.error.message;
      if (ev.usage) usage = ev.usage;
      if (ev.choices?.[0]?.text) {
        const now = performance.now();
        if (first === 0) first = now;
        else itls.push(now - last);
        last = now;
      }
    }
  }
  const end = performance.now();
  if (error || !usage) return { ok: false, error: error ?? 'stream ended without usage', ttftMs: 0, itls: [], outputTokens: 0, inputTokens: 0, latencyMs: 0 };
  return { ok: true, ttftMs: first - t0, itls, outputTokens: usage.completion_tokens, inputTokens: usage.prompt_tokens, latencyMs: end - t0 };
}

async function kvStats(nc: NatsConnection | undefined, reset: boolean) {
  if (!nc) return undefined;
  return request(nc, reset ? `${Subjects.kvStats}.reset` : Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
}

/** One round: `requests` requests of `policy`, `concurrency` at a time, and what the kv-store saw meanwhile. */
interface Round {
  results: One[];
  duration: number;
  peakSequences: number | null;
  peakBytes: number | null;
}

async function runRound(url: string, model: string, prompts: string[], opts: ServeBenchOptions, policy: string, concurrency: number, nc: NatsConnection | undefined): Promise<Round> {
  const total = opts.requests ?? Math.max(8, 4 * concurrency);
  await kvStats(nc, true);
  let next = 0;
  const results: One[] = [];
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    for (;;) {
      const i = next++;
      if (i >= total) return;
      try {
        results.push(await streamOne(url, model, prompts[i % prompts.length]!, opts.outputTokens, policy));
      } catch (err) {
        results.push({ ok: false, error: (err as Error).message, ttftMs: 0, itls: [], outputTokens: 0, inputTokens: 0, latencyMs: 0 });
      }
      opts.progress?.(`${policy} c=${concurrency}: ${results.length}/${total}`);
    }
  }));
  const duration = (performance.now() - t0) / 1000;
  const stats = await kvStats(nc, false);
  return { results, duration, peakSequences: stats ? stats.peakSequences : null, peakBytes: stats ? stats.peakUsedBytes : null };
}

const maxOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

/** A policy's figures over all its rounds at one level: throughput over the summed durations. */
function summarize(policy: string, concurrency: number, rounds: Round[]): RunResult {
  const results = rounds.flatMap((r) => r.results);
  const duration = rounds.reduce((s, r) => s + r.duration, 0);
  const ok = results.filter((r) => r.ok);
  const ttfts = ok.map((r) => r.ttftMs);
  const itls = ok.flatMap((r) => r.itls);
  const outTokens = ok.reduce((s, r) => s + r.outputTokens, 0);
  const tpots = ok.filter((r) => r.outputTokens > 1).map((r) => (r.latencyMs - r.ttftMs) / (r.outputTokens - 1));
  return {
    policy,
    concurrency,
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
    peak_concurrent_sequences: maxOrNull(rounds.map((r) => r.peakSequences)),
    peak_kv_bytes: maxOrNull(rounds.map((r) => r.peakBytes)),
  };
}

const RATIO_KEYS = [
  'request_throughput', 'output_throughput', 'mean_ttft_ms', 'median_ttft_ms', 'p99_ttft_ms', 'mean_itl_ms',
  'median_itl_ms', 'p99_itl_ms', 'mean_tpot_ms', 'peak_concurrent_sequences', 'peak_kv_bytes',
] as const;

/**
 * TTFT through the services against the single-process path (in-process Engine, baseline), on the same
 * prompts, interleaved one request each in turn, after one warm-up of each; the system is otherwise idle.
 */
async function ttftComparison(url: string, model: string, modelDir: string | undefined, prompts: string[], n: number): Promise<object> {
  const engine = await Engine.load(modelDir);
  try {
    const services: number[] = [];
    const single: number[] = [];
    for (let i = -1; i < n; i++) {
      const p = prompts[Math.max(0, i) % prompts.length]!;
      const s = await streamOne(url, model, p, 1, 'baseline');
      if (!s.ok) throw new Error(`TTFT request failed: ${s.error}`);
      const r = await engine.generate(engine.tokenizer.encode(p), { maxTokens: 1, stopAtEos: false });
      if (i < 0) continue; // warm-up
      services.push(s.ttftMs);
      single.push(r.ttftMs);
    }
    return {
      requests: n,
      services_mean_ttft_ms: mean(services),
      single_process_mean_ttft_ms: mean(single),
      ratio: mean(services) / mean(single),
    };
  } finally {
    await engine.close();
  }
}

export async function benchServe(opts: ServeBenchOptions): Promise<object> {
  const rounds = opts.rounds ?? 1;
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  const modelDir = opts.model ?? defaultModelDir();
  const info = loadModelInfo(modelDir);
  if (opts.promptTokens + opts.outputTokens > info.maxPosition) {
    throw new RangeError(`--prompt-tokens + --output-tokens (${opts.promptTokens + opts.outputTokens}) exceed the model's context of ${info.maxPosition}`);
  }
  const tokenizer = TextTokenizer.load(info.tokenizerPath);
  const textFile = contextTextPath(info);
  if (!textFile) throw new RangeError(`${info.dir} ships no heldout.txt and there is no bundled model to take prompts from`);
  const heldout = readFileSync(textFile, 'utf8');
  const maxRequests = Math.max(8, ...opts.concurrency.map((c) => opts.requests ?? Math.max(8, 4 * c)));
  const prompts = makePrompts(tokenizer, heldout, opts.promptTokens, Math.min(maxRequests, 64));
  // A private NATS server and a free port: a system already running on this machine is left alone.
  const sys = opts.url
    ? undefined
    : await startSystem({
        budget: opts.kvBudget, model: opts.model, policy: opts.policy, logs: process.env['INFEROS_TRACE'] ? 'inherit' : 'ignore', port: await freePort(), natsUrl: `nats://127.0.0.1:${await freePort()}`, say: opts.progress,
        // The data path alone: no controller retuning max_batch mid-run, no quality probe taking CPU.
        controller: false, telemetry: false,
        // Requests queue for room in the budget for as long as the run takes: a 503 is not a measurement.
        admissionTimeoutMs: 3_600_000,
      });
  const url = opts.url ?? sys!.url;
  const natsUrl = opts.natsUrl ?? sys?.natsUrl;
  const nc = natsUrl ? await connect({ servers: natsUrl }) : undefined;
  try {
    const levels: object[] = [];
    // Warm both policies' graphs (each group size opens its own session on first use).
    for (const p of ['baseline', opts.policy]) await streamOne(url, info.name, prompts[0]!, 2, p);
    for (const c of opts.concurrency) {
      const mine: { baseline: Round[]; policy: Round[] } = { baseline: [], policy: [] };
      for (let r = 0; r < rounds; r++) {
        const order = r % 2 === 0 ? (['baseline', 'policy'] as const) : (['policy', 'baseline'] as const);
        for (const side of order) mine[side].push(await runRound(url, info.name, prompts, opts, side === 'baseline' ? 'baseline' : opts.policy, c, nc));
      }
      const baseline = summarize('baseline', c, mine.baseline);
      const policy = summarize(opts.policy, c, mine.policy);
      const ratio = Object.fromEntries(RATIO_KEYS.map((k) => {
        const a = baseline[k];
        const b = policy[k];
        return [k, a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) || a === 0 ? null : b / a];
      }));
      // Each round's output-throughput ratio: the spread shows how much one round can be trusted.
      const perRound = mine.baseline.map((b, r) => summarize(opts.policy, c, [mine.policy[r]!]).output_throughput / summarize('baseline', c, [b]).output_throughput);
      levels.push({ concurrency: c, rounds, baseline, policy, ratio, output_throughput_ratio_by_round: perRound });
    }
    const budget = nc ? (await kvStats(nc, false))!.budgetBytes : null;
    const out: Record<string, unknown> = {
      model: info.name,
      policy: opts.policy,
      prompt_tokens: opts.promptTokens,
      output_tokens: opts.outputTokens,
      kv_budget_bytes: budget,
      levels,
    };
    if (opts.ttftReference) out['ttft_vs_single_process'] = await ttftComparison(url, info.name, opts.model, prompts, 8);
    return out;
  } finally {
    await nc?.close();
    await sys?.stop();
  }
}
