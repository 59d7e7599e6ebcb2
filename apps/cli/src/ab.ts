// `inferos ab`: an A/B test of KV policies through a running system. Every round sends the same work to
// each policy, one request at a time, in an order that rotates every round (so that no policy always runs
// first or after the same one):
//   speed    one streamed completion of a prompt from the text (greedy, ignore_eos): TTFT and decode tok/s
//   quality  one text window scored through the API (echo + logprobs, max_tokens 0): its perplexity under
//            the policy, less its perplexity under baseline (scored in the same round): delta PPL
// Per policy and metric: mean, standard deviation and a 95% interval over the rounds; against the first
// policy, the paired per-round differences with their 95% interval, significant when it excludes 0.
import { InferOSClient } from '@inferos/sdk';
import { gatewayStream } from './bench-serve';

export interface AbOptions {
  url: string;
  apiKey?: string;
  policies: string[];
  /** Rounds: each policy gets one speed request and one quality window per round. */
  requests: number;
  text: string;
  /** Characters of text per prompt and per scored window. */
  promptChars: number;
  windowChars: number;
  outputTokens: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Interval {
  n: number;
  mean: number | null;
  std: number | null;
  /** 95% confidence interval of the mean (Student's t); null with fewer than two samples. */
  ci95: [number, number] | null;
}

export interface AbReport {
  url: string;
  model: string;
  rounds: number;
  policies: Record<string, { tps: Interval; ttft_ms: Interval; delta_ppl: Interval; ppl: Interval; failures: string[] }>;
  /** Each policy after the first against the first, paired by round. */
  versus: Record<string, { reference: string; tps: Paired; ttft_ms: Paired; delta_ppl: Paired }>;
  method: string;
}

export interface Paired extends Interval {
  /** The interval of the mean difference excludes 0. */
  significant: boolean | null;
}

/** Two-sided 95% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** t_{0.975, df}: the table, then the Cornish-Fisher expansion around the normal quantile (error < 1e-3). */
export function t975(df: number): number {
  if (!Number.isInteger(df) || df < 1) throw new RangeError(`degrees of freedom must be a positive integer, got ${df}`);
  if (df <= T975.length) return T975[df - 1]!;
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2);
}

export function interval(xs: readonly number[]): Interval {
  const n = xs.length;
  if (n === 0) return { n, mean: null, std: null, ci95: null };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { n, mean, std: null, ci95: null };
  const std = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const half = (t975(n - 1) * std) / Math.sqrt(n);
  return { n, mean, std, ci95: [mean - half, mean + half] };
}

/** Per-round differences b - a (rounds where both have a value), as an interval with significance. */
export function paired(a: readonly (number | null)[], b: readonly (number | null)[]): Paired {
  const d: number[] = [];
  a.forEach((x, i) => {
    const y = b[i];
    if (x !== null && y !== null && y !== undefined) d.push(y - x);
  });
  const iv = interval(d);
  return { ...iv, significant: iv.ci95 ? iv.ci95[0] > 0 || iv.ci95[1] < 0 : null };
}

/** The round's rotation of the policies: round r starts at policy r mod k. */
export function order<T>(items: readonly T[], round: number): T[] {
  const k = round % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

/** Slices of `text` of `chars` characters, cut at whitespace, from `count` offsets spread over it. */
export function slices(text: string, chars: number, count: number): string[] {
  if (text.length < chars + count) throw new RangeError(`the text has ${text.length} characters, too few for ${count} slices of ${chars}`);
  const stride = Math.floor((text.length - chars) / count);
  return Array.from({ length: count }, (_, i) => {
    let start = i * stride;
    while (start > 0 && start < text.length && !/\s/.test(text[start - 1]!)) start++;
    return text.slice(start, start + chars).trim();
  });
}

/**
 * Perplexity of `text` under `policy` (absent: the system's current policy), scored by the served model
 * (echo + logprobs, nothing generated).
 */
export async function perplexityOf(client: InferOSClient, model: string, text: string, policy: string | undefined): Promise<number> {
  const body = await client.completion({ model, prompt: text, max_tokens: 0, echo: true, logprobs: 0, ...(policy ? { kv_policy: policy } : {}) });
  const lps = (body.choices[0]?.logprobs?.token_logprobs ?? []).filter((x): x is number => x !== null);
  if (lps.length === 0) throw new Error('the scored window has one token: nothing to score');
  return Math.exp(-lps.reduce((a, b) => a + b, 0) / lps.length);
}

export async function runAb(o: AbOptions): Promise<AbReport> {
  if (o.policies.length < 2) throw new RangeError('--policies needs at least two policies');
  if (new Set(o.policies).size !== o.policies.length) throw new RangeError(`--policies names a policy twice: ${o.policies.join(',')}`);
  if (!Number.isInteger(o.requests) || o.requests < 2) throw new RangeError('--requests must be an integer >= 2 (an interval needs two rounds)');
  const client = new InferOSClient({ gatewayUrl: o.url, ...(o.apiKey ? { apiKey: o.apiKey } : {}), timeoutMs: 600_000 });
  const model = (await client.models()).data[0]!.id; // an unreachable gateway: InferOSError says to start it
  const prompts = slices(o.text, o.promptChars, o.requests);
  const windows = slices(o.text, o.windowChars, o.requests);
  const stream = (policy: string) => gatewayStream(o.url, model, policy, o.apiKey);

  type Sample = { tps: number | null; ttft: number | null; ppl: number | null; dppl: number | null };
  const samples: Record<string, Sample[]> = Object.fromEntries(o.policies.map((p) => [p, []]));
  const failures: Record<string, string[]> = Object.fromEntries(o.policies.map((p) => [p, []]));
  const total = o.requests * o.policies.length;
  let done = 0;
  for (let r = 0; r < o.requests; r++) {
    // Baseline's perplexity of this round's window: the reference of every policy's delta.
    let reference: number | null = null;
    try {
      reference = await perplexityOf(client, model, windows[r]!, 'baseline');
    } catch (err) {
      for (const p of o.policies) failures[p]!.push(`round ${r + 1} baseline score: ${(err as Error).message}`);
    }
    for (const policy of order(o.policies, r)) {
      const s: Sample = { tps: null, ttft: null, ppl: null, dppl: null };
      const one = await stream(policy)(prompts[r]!, o.outputTokens);
      if (one.ok && one.times.length >= 2) {
        s.ttft = one.ttftMs;
        s.tps = ((one.times.length - 1) * 1000) / (one.times.at(-1)! - one.times[0]!);
      } else {
        failures[policy]!.push(`round ${r + 1} speed: ${one.ok ? 'fewer than two tokens streamed' : one.error}`);
      }
      try {
        s.ppl = policy === 'baseline' && reference !== null ? reference : await perplexityOf(client, model, windows[r]!, policy);
        if (reference !== null) s.dppl = s.ppl - reference;
      } catch (err) {
        failures[policy]!.push(`round ${r + 1} quality: ${(err as Error).message}`);
      }
      samples[policy]!.push(s);
      o.onProgress?.(++done, total);
    }
  }
  const values = (p: string, k: keyof Sample) => samples[p]!.map((s) => s[k]);
  const present = (xs: (number | null)[]) => xs.filter((x): x is number => x !== null);
  const policies: AbReport['policies'] = {};
  for (const p of o.policies) {
    policies[p] = {
      tps: interval(present(values(p, 'tps'))),
      ttft_ms: interval(present(values(p, 'ttft'))),
      delta_ppl: interval(present(values(p, 'dppl'))),
      ppl: interval(present(values(p, 'ppl'))),
      failures: failures[p]!,
    };
  }
  const [first, ...rest] = o.policies;
  const versus: AbReport['versus'] = {};
  for (const p of rest) {
    versus[p] = {
      reference: first!,
      tps: paired(values(first!, 'tps'), values(p, 'tps')),
      ttft_ms: paired(values(first!, 'ttft'), values(p, 'ttft')),
      delta_ppl: paired(values(first!, 'dppl'), values(p, 'dppl')),
    };
  }
  return {
    url: o.url,
    model,
    rounds: o.requests,
    policies,
    versus,
    method:
      `${o.requests} rounds; each round, every policy in turn (the order rotating by one every round), one request at a time: ` +
      `a streamed greedy completion of ${o.outputTokens} tokens after a ${o.promptChars}-character prompt (decode tok/s = tokens after the first / time after the first; TTFT to the first token), ` +
      `and a ${o.windowChars}-character window scored with echo + logprobs (max_tokens 0): its perplexity under the policy minus baseline's on the same window in the same round. ` +
      'Within one request the prefill worker runs the window in chunks, so the tokens of later chunks attend to the policy\'s compressed cache of the earlier ones (as served; `eval ppl` feeds 32-token steps instead). ' +
      "Intervals: 95%, Student's t over the rounds; differences paired by round.",
  };
}

const fmt = (iv: Interval, digits: number) =>
  iv.mean === null ? 'n/a' : iv.ci95 ? `${iv.mean.toFixed(digits)} [${iv.ci95[0].toFixed(digits)}, ${iv.ci95[1].toFixed(digits)}]` : iv.mean.toFixed(digits);

/** The report as two tables: per policy, then each policy against the first. */
export function abTable(r: AbReport): string {
  const lines = [`${r.model} at ${r.url}, ${r.rounds} rounds (mean [95% interval])`, '', '| policy | decode tok/s | TTFT ms | perplexity | delta PPL vs baseline | failures |', '|---|---|---|---|---|---|'];
  for (const [p, m] of Object.entries(r.policies)) {
    lines.push(`| ${p} | ${fmt(m.tps, 2)} | ${fmt(m.ttft_ms, 1)} | ${fmt(m.ppl, 3)} | ${fmt(m.delta_ppl, 3)} | ${m.failures.length} |`);
  }
  const mark = (d: Paired) => (d.significant === null ? '' : d.significant ? ' (significant)' : ' (not significant)');
  lines.push('', '| policy | vs | decode tok/s difference | TTFT ms difference | delta PPL difference |', '|---|---|---|---|---|');
  for (const [p, v] of Object.entries(r.versus)) {
    lines.push(`| ${p} | ${v.reference} | ${fmt(v.tps, 2)}${mark(v.tps)} | ${fmt(v.ttft_ms, 1)}${mark(v.ttft_ms)} | ${fmt(v.delta_ppl, 3)}${mark(v.delta_ppl)} |`);
  }
  return lines.join('\n');
}
