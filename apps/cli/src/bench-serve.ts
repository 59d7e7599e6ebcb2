// `inferos bench serve`: throughput and latency through the services under one KV budget (or one memory
// budget for the whole system), for `baseline` and a policy in the same run, and optionally llama.cpp
// serving the same weights with parallel slots in the same memory (--peer). Real HTTP streaming clients
// drive the gateway; the kv-store reports the peak concurrent sequences and peak KV bytes it actually held.
// The request mixes themselves (and vLLM's key names) are in serve-mix.ts, shared with llama.cpp's side.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { NatsConnection } from '@nats-io/transport-node';
import { pb, Subjects, request, connectBus, credentialsFromEnv } from '@inferos/proto';
import type { PartialPolicyDocument } from '@inferos/kv/policy-schema';
import { InferOSClient, InferOSError } from '@inferos/sdk';
import { Engine, loadModelInfo, defaultModelDir, contextTextPath, TextTokenizer } from '@inferos/inference';
import { startSystem, freePort, fitMemoryBudget, systemMemoryByProcess, type RunningSystem } from './system';
import { callControl } from './control';
import { Child, ensureNodeLlamaCpp, NODE_LLAMA_CPP_VERSION } from './bench-peer';
import { linePlot } from './plot';
import { failed, mean, runAdmission, runMix, summarizeMix, timing, type AdmissionResult, type MixRound, type MixSummary, type Stream } from './serve-mix';

export interface ServeBenchOptions {
  /** Clients in flight (the seed's --batch-sizes), each level in turn. */
  concurrency: number[];
  /** Prompt lengths in tokens (the seed's --seq-lengths), each in turn. */
  promptTokens: number[];
  outputTokens: number;
  /** KV budget in bytes (the system is started with it; with --url it is the running system's). */
  kvBudget?: string;
  /** The policies compared (the seed's --compare-modes): profile names, `baseline` among them for ratios. */
  policies: string[];
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
  /** The whole system's memory budget in bytes (weights + KV + runtime): the KV budget is what is left. */
  memoryBudget?: number;
  /** llama.cpp serving the same weights (a GGUF) with parallel slots in the same memory budget. */
  peer?: { gguf: string; kvTypes: string[]; threads: number };
  /** Admit a prompt of this many tokens while `longPromptStreams` streams decode; report their ITL. */
  longPrompt?: number;
  longPromptStreams?: number;
}

export interface RunResult extends MixSummary {
  policy: string;
  concurrency: number;
  /** Peak sequences the kv-store held at once, and peak KV bytes, during this run (null without NATS access). */
  peak_concurrent_sequences: number | null;
  peak_kv_bytes: number | null;
}

/** Prompts of exactly `n` tokens of the model's held-out text, each from a different offset. */
export function makePrompts(tokenizer: TextTokenizer, text: string, n: number, count: number): string[] {
  const ids = tokenizer.encode(text, false);
  if (ids.length < n + count) throw new RangeError(`the held-out text has ${ids.length} tokens, too few for ${count} prompts of ${n}`);
  const stride = Math.max(1, Math.floor((ids.length - n) / count));
  return Array.from({ length: count }, (_, i) => tokenizer.decode(ids.slice(i * stride, i * stride + n)));
}

/** One streaming completion through the gateway (greedy, ignore_eos; the SDK's client), its tokens timed as they arrive. */
/** Streamed completions through the gateway under `policy` (undefined: the system's current policy). */
export function gatewayStream(url: string, model: string, policy: string | undefined, apiKey?: string): Stream<string> {
  // Queued behind a long run, a request may wait minutes for its first token: no idle limit worth having.
  const client = new InferOSClient({ gatewayUrl: url, ...(apiKey ? { apiKey } : {}), timeoutMs: 3_600_000 });
  return async (prompt, maxTokens, o) => {
    const t0 = performance.now();
    const times: number[] = [];
    let usage: { prompt_tokens: number; completion_tokens: number } | null | undefined;
    try {
      for await (const ev of client.completionStream({ model, prompt, max_tokens: maxTokens, temperature: 0, ignore_eos: true, ...(policy ? { kv_policy: policy } : {}) }, o?.signal)) {
        if (ev.usage) usage = ev.usage;
        if (ev.choices[0]?.text) {
          const now = performance.now();
          times.push(now);
          o?.onToken?.(now);
        }
      }
    } catch (err) {
      // Cut by the caller (runAdmission): the tokens so far are the result.
      if (o?.signal?.aborted) return timing(t0, times, performance.now(), NaN, times.length);
      if (err instanceof InferOSError) return failed(err.status ? `HTTP ${err.status}: ${err.message}` : err.message);
      throw err;
    }
    if (!usage) return failed('stream ended without usage');
    return timing(t0, times, performance.now(), usage.prompt_tokens, usage.completion_tokens);
  };
}

async function kvStats(nc: NatsConnection | undefined, reset: boolean) {
  if (!nc) return undefined;
  return request(nc, reset ? `${Subjects.kvStats}.reset` : Subjects.kvStats, pb.HealthRequest, {}, pb.KvStats);
}

/** One round of a side: the mix, and what the kv-store (Infer-OS) or the slots (llama.cpp) held meanwhile. */
interface Round extends MixRound {
  peakSequences: number | null;
  peakBytes: number | null;
  /** Infer-OS: the system's summed PSS after the round; llama.cpp: its peak RSS. */
  memoryBytes: number | null;
  /** Infer-OS: that PSS process by process. */
  memoryByProcess?: Record<string, number>;
}

const maxOrNull = (xs: (number | null)[]): number | null => (xs.some((x) => x === null) ? null : Math.max(...(xs as number[])));

function summarize(policy: string, concurrency: number, rounds: Round[]): RunResult {
  return {
    policy, concurrency, ...summarizeMix(rounds),
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
      const s = await gatewayStream(url, model, 'baseline')(p, 1);
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

/** One engine configuration the request mixes run against: Infer-OS with a policy, or llama.cpp with a KV type. */
interface Side {
  label: string;
  round(concurrency: number, total: number, promptTokens: number, onDone: (done: number) => void): Promise<Round>;
  admission(streams: number, tokens: number): Promise<AdmissionResult>;
}

export async function benchServe(opts: ServeBenchOptions): Promise<object> {
  const rounds = opts.rounds ?? 1;
  if (!Number.isSafeInteger(rounds) || rounds < 1) throw new RangeError(`rounds must be a positive integer, got ${rounds}`);
  if (opts.peer && opts.memoryBudget === undefined) throw new RangeError('--peer compares at equal memory: give --memory-budget');
  if (opts.memoryBudget !== undefined && (opts.kvBudget !== undefined || opts.url)) throw new RangeError('--memory-budget sets the KV budget of the system bench serve starts: not with --kv-budget or --url');
  const modelDir = opts.model ?? defaultModelDir();
  const info = loadModelInfo(modelDir);
  if (opts.promptTokens.length === 0) throw new RangeError('give at least one prompt length');
  const longest = Math.max(...opts.promptTokens);
  if (longest + opts.outputTokens > info.maxPosition) {
    throw new RangeError(`prompt tokens + --output-tokens (${longest + opts.outputTokens}) exceed the model's context of ${info.maxPosition}`);
  }
  const modes = opts.policies;
  if (modes.length === 0 || new Set(modes).size !== modes.length) throw new RangeError(`the policies to compare must be distinct and at least one, got ${modes.join(',')}`);
  const longPrompt = opts.longPrompt;
  const longStreams = opts.longPromptStreams ?? 4;
  // The streams decode while the long prompt is prefilled: up to this many tokens each (they are cut).
  const streamTokens = Math.min(1024, info.maxPosition - opts.promptTokens[0]! - 1);
  if (longPrompt !== undefined && longPrompt + 1 > info.maxPosition) throw new RangeError(`--long-prompt ${longPrompt} exceeds the model's context of ${info.maxPosition}`);
  const tokenizer = TextTokenizer.load(info.tokenizerPath);
  const textFile = contextTextPath(info);
  if (!textFile) throw new RangeError(`${info.dir} ships no heldout.txt and there is no bundled model to take prompts from`);
  const heldout = readFileSync(textFile, 'utf8');
  const maxRequests = Math.max(8, ...opts.concurrency.map((c) => opts.requests ?? Math.max(8, 4 * c)));
  const promptsOf = new Map(opts.promptTokens.map((n) => [n, makePrompts(tokenizer, heldout, n, Math.min(maxRequests, 64))]));
  const long = longPrompt === undefined ? undefined : makePrompts(tokenizer, heldout, longPrompt, 1)[0]!;
  const say = opts.progress ?? (() => {});

  // llama.cpp first: at equal memory it is given the budget, as many slots as fit (bench-peer.ts has the
  // converter and the installer); the prompts are the gateway's own tokens of the same texts.
  const peers: { kv: string; child: Child; slots: number; rss: number }[] = [];
  const admissionPeers: { kv: string; child: Child }[] = [];
  let sys: RunningSystem | undefined;
  let nc: NatsConnection | undefined;
  try {
    if (opts.peer) {
      const entry = ensureNodeLlamaCpp(say);
      const context = longest + opts.outputTokens + 8;
      const wanted = Math.max(...opts.concurrency);
      for (const kv of opts.peer.kvTypes) {
        say(`loading llama.cpp (kv ${kv}): up to ${wanted} slots of ${context} tokens within ${gib(opts.memoryBudget!)}`);
        const child = new Child(`llama.cpp kv ${kv}`, ['llama-serve', opts.peer.gguf, kv, String(context), String(wanted), String(opts.peer.threads), entry, String(opts.memoryBudget)]);
        const ready = await child.ready();
        peers.push({ kv, child, slots: ready['slots'] as number, rss: ready['rss_bytes'] as number });
        say(`llama.cpp kv ${kv}: ${ready['slots']} slots, ${gib(ready['rss_bytes'] as number)} resident`);
      }
    }
    // A private NATS server and a free port: a system already running on this machine is left alone.
    sys = opts.url
      ? undefined
      : await startSystem({
          budget: opts.kvBudget, model: opts.model, policy: modes.find((m) => m !== 'baseline') ?? 'baseline', logs: process.env['INFEROS_TRACE'] ? 'inherit' : 'ignore', port: await freePort(), natsUrl: `nats://127.0.0.1:${await freePort()}`, say: opts.progress,
          // The data path alone: no controller retuning max_batch mid-run, no quality probe taking CPU.
          // A memory budget needs the controller (it applies the KV budget; its latency steering is
          // then held, below) and the whole system is measured, telemetry included.
          controller: opts.memoryBudget !== undefined, telemetry: opts.memoryBudget !== undefined, probe: false,
          ...(opts.memoryBudget !== undefined ? { memoryBudget: opts.memoryBudget, controlPort: await freePort(), telemetryPort: await freePort() } : {}),
          // Requests queue for room in the budget for as long as the run takes: a 503 is not a measurement.
          admissionTimeoutMs: 3_600_000,
        });
    let fit: { processesBytes: number; kvBudgetBytes: number } | undefined;
    if (sys && opts.memoryBudget !== undefined) {
      fit = await fitMemoryBudget(sys, opts.memoryBudget, undefined, { self: false });
      // The mid loop would lower max_batch or the recent window when steps are slower than its targets:
      // the targets at their maxima keep both policies on the same scheduler settings for the whole run.
      const held = await callControl({ url: sys.controlUrl! }, 'POST', '/v1/policy', { infer_os: { scheduler: { target_tpot_ms: 60000, target_ftl_ms: 600000 } } } satisfies PartialPolicyDocument);
      if (held.status !== 200) throw new Error(`holding the controller's latency steering failed: HTTP ${held.status}`);
      say(`memory budget ${gib(opts.memoryBudget)}: the system holds ${gib(fit.processesBytes)} before any KV cache, the KV budget is ${gib(fit.kvBudgetBytes)}`);
    }
    const url = opts.url ?? sys!.url;
    const natsUrl = opts.natsUrl ?? sys?.natsUrl;
    nc = natsUrl ? await connectBus(natsUrl, 'inferos-bench-serve', sys?.natsAuth ?? credentialsFromEnv()) : undefined;
    const systemPss = () => (sys ? systemMemoryByProcess(sys, { self: false }) : undefined);

    const inferosSide = (policy: string): Side => {
      const stream = gatewayStream(url, info.name, policy);
      return {
        label: policy,
        async round(c, total, promptTokens, onDone) {
          await kvStats(nc, true);
          const r = await runMix(stream, promptsOf.get(promptTokens)!, opts.outputTokens, c, total, onDone);
          const stats = await kvStats(nc, false);
          const byProcess = systemPss();
          return {
            ...r, peakSequences: stats ? stats.peakSequences : null, peakBytes: stats ? stats.peakUsedBytes : null,
            memoryBytes: byProcess ? Object.values(byProcess).reduce((a, b) => a + b, 0) : null, ...(byProcess ? { memoryByProcess: byProcess } : {}),
          };
        },
        admission: (streams, tokens) => runAdmission(stream, promptsOf.get(opts.promptTokens[0]!)!, long!, longPrompt!, streams, tokens),
      };
    };
    const peerIds = new Map([...promptsOf].map(([n, ps]) => [n, ps.map((p) => tokenizer.encode(p, true))]));
    const peerSide = (p: (typeof peers)[number]): Side => ({
      label: `llama.cpp kv ${p.kv}`,
      async round(c, total, promptTokens, onDone) {
        const r = (await p.child.ask({ op: 'mix', prompts: peerIds.get(promptTokens), tokens: opts.outputTokens, concurrency: c, total })) as unknown as MixRound & { peak_sequences: number };
        onDone(total);
        const mem = await p.child.ask({ op: 'peak' });
        return { results: r.results, duration: r.duration, peakSequences: r.peak_sequences, peakBytes: null, memoryBytes: mem['peak_rss_bytes'] as number };
      },
      async admission(streams, tokens) {
        // A context of its own: the streams' long outputs and the long prompt need longer slots.
        let a = admissionPeers.find((x) => x.kv === p.kv);
        if (!a) {
          const entry = ensureNodeLlamaCpp(say);
          const context = Math.max(longPrompt! + 8, opts.promptTokens[0]! + tokens + 8);
          a = { kv: p.kv, child: new Child(`llama.cpp kv ${p.kv} (admission)`, ['llama-serve', opts.peer!.gguf, p.kv, String(context), String(streams + 1), String(opts.peer!.threads), entry, '0']) };
          admissionPeers.push(a);
          await a.child.ready();
        }
        return (await a.child.ask({ op: 'admission', short: peerIds.get(opts.promptTokens[0]!), long: tokenizer.encode(long!, true), streams, tokens }))['admission'] as AdmissionResult;
      },
    });
    const sides: Side[] = [...modes.map(inferosSide), ...peers.map(peerSide)];

    // Warm every policy's graph paths (and each group size's) before anything is timed.
    for (const m of modes) await gatewayStream(url, info.name, m)(promptsOf.get(opts.promptTokens[0]!)![0]!, 2);
    const levels: object[] = [];
    for (const promptTokens of opts.promptTokens) {
      for (const c of opts.concurrency) {
        const total = opts.requests ?? Math.max(8, 4 * c);
        const mine = new Map<string, Round[]>(sides.map((s) => [s.label, []]));
        for (let r = 0; r < rounds; r++) {
          // ABBA: the order reversed every other round, so that a drifting machine weighs on every side alike.
          for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
            mine.get(side.label)!.push(await side.round(c, total, promptTokens, (done) => say(`${side.label} p=${promptTokens} c=${c}: ${done}/${total}`)));
          }
        }
        const result = (label: string) => {
          const rs = mine.get(label)!;
          // The round that held the most, process by process (Infer-OS): where the memory went.
          const top = rs.reduce<Round | undefined>((m, x) => (x.memoryBytes !== null && (m === undefined || x.memoryBytes > m.memoryBytes!) ? x : m), undefined);
          return { ...summarize(label, c, rs), memory_bytes: maxOrNull(rs.map((x) => x.memoryBytes)), ...(top?.memoryByProcess ? { memory_by_process: top.memoryByProcess } : {}) };
        };
        const results = Object.fromEntries(sides.map((s) => [s.label, result(s.label)]));
        const level: Record<string, unknown> = { prompt_tokens: promptTokens, concurrency: c, rounds, results };
        if (modes.includes('baseline') && modes.length > 1) {
          const others = modes.filter((m) => m !== 'baseline');
          level['ratio_vs_baseline'] = Object.fromEntries(others.map((m) => [m, ratios(results[m]!, results['baseline']!)]));
          // Each round's output-throughput ratio: the spread shows how much one round can be trusted.
          level['output_throughput_ratio_by_round'] = Object.fromEntries(others.map((m) => [m, mine.get('baseline')!.map((b, r) => summarize(m, c, [mine.get(m)![r]!]).output_throughput / summarize('baseline', c, [b]).output_throughput)]));
        }
        if (peers.length) {
          level['ratio_vs_peers'] = Object.fromEntries(peers.map((p) => {
            const peer = results[`llama.cpp kv ${p.kv}`]!;
            return [`llama.cpp kv ${p.kv}`, Object.fromEntries(modes.map((m) => [m, ratios(results[m]!, peer)]))];
          }));
        }
        levels.push(level);
      }
    }
    const budget = nc ? (await kvStats(nc, false))!.budgetBytes : null;
    const out: Record<string, unknown> = {
      model: info.name,
      policies: modes,
      prompt_tokens: opts.promptTokens,
      output_tokens: opts.outputTokens,
      kv_budget_bytes: budget,
      ...(opts.memoryBudget !== undefined ? { memory_budget_bytes: opts.memoryBudget, system_bytes_before_kv: fit?.processesBytes ?? null } : {}),
      levels,
    };
    if (peers.length) {
      out['peer'] = {
        engine: 'llama.cpp', node_llama_cpp: NODE_LLAMA_CPP_VERSION, gguf: relative(process.cwd(), opts.peer!.gguf), threads: opts.peer!.threads,
        slots: Object.fromEntries(peers.map((p) => [`llama.cpp kv ${p.kv}`, p.slots])),
        // Its resident memory once the slots were sized (before serving): memory_bytes is the peak after.
        rss_at_start_bytes: Object.fromEntries(peers.map((p) => [`llama.cpp kv ${p.kv}`, p.rss])),
        method: 'one process per KV type, a context of as many sequences (slots) of prompt+output tokens as fit in the memory budget (at most the highest concurrency); requests take a free slot or wait for one; node-llama-cpp batches every slot\'s pending tokens (512 per batch), as llama.cpp\'s server does; memory_bytes is its peak RSS. Infer-OS: the whole system (gateway, kv-store, workers, controller, telemetry, NATS) in the same budget, memory_bytes its summed PSS after each round. Sides take turns per round, order reversed every other round.',
      };
    }
    if (long !== undefined) {
      const admission: Record<string, AdmissionResult> = {};
      for (const side of sides) {
        say(`${side.label}: ${longStreams} streams decoding while a ${longPrompt}-token prompt is admitted`);
        admission[side.label] = await side.admission(longStreams, streamTokens);
      }
      out['long_prompt_admission'] = admission;
    }
    if (opts.ttftReference) out['ttft_vs_single_process'] = await ttftComparison(url, info.name, opts.model, promptsOf.get(opts.promptTokens[0]!)!, 8);
    return out;
  } finally {
    await nc?.close();
    await sys?.stop();
    for (const p of [...peers, ...admissionPeers]) p.child.close();
  }
}

function ratios(a: RunResult, b: RunResult): Record<string, number | null> {
  return Object.fromEntries(RATIO_KEYS.map((k) => {
    const x = b[k];
    const y = a[k];
    return [k, x === null || y === null || !Number.isFinite(x) || !Number.isFinite(y) || x === 0 ? null : y / x];
  }));
}

const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;

interface Report {
  model: string;
  levels: { prompt_tokens: number; concurrency: number; results: Record<string, RunResult>; ratio_vs_baseline?: Record<string, Record<string, number | null>> }[];
}

/** `--plot`: output tokens/s against concurrency, one line per side and prompt length. */
export function servePlot(report: Report): string {
  const names = new Set<string>();
  for (const l of report.levels) for (const side of Object.keys(l.results)) names.add(`${side}, prompts of ${l.prompt_tokens}`);
  return linePlot({
    title: `Output tokens/s through the services: ${report.model}`,
    xLabel: 'concurrent clients', yLabel: 'output tokens/s',
    series: [...names].map((name) => ({
      name,
      points: report.levels.flatMap((l) => Object.entries(l.results)
        .filter(([side]) => `${side}, prompts of ${l.prompt_tokens}` === name)
        .map(([, r]) => ({ x: l.concurrency, y: Math.round(r.output_throughput * 100) / 100 }))),
    })),
    data: report.levels,
  });
}

/** The report as a table: one row per prompt length, concurrency and side. */
export function serveTable(report: Report): string {
  const head = ['prompt', 'clients', 'side', 'done', 'failed', 'out tok/s', 'vs baseline', 'mean TTFT ms', 'p99 ITL ms', 'peak seqs'];
  const rows = report.levels.flatMap((l) => Object.entries(l.results).map(([side, r]) => [
    String(l.prompt_tokens), String(l.concurrency), side, String(r.completed), String(r.failed), r.output_throughput.toFixed(2),
    l.ratio_vs_baseline?.[side]?.['output_throughput']?.toFixed(3) ?? '', r.mean_ttft_ms.toFixed(0), r.p99_itl_ms.toFixed(1), String(r.peak_concurrent_sequences ?? ''),
  ]));
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  return [head, ...rows].map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}
